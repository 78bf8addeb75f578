package io.privatelink.provisioner.provisioning;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.privatelink.provisioner.api.ApiException;
import io.privatelink.provisioner.api.ParameterForms;
import io.privatelink.provisioner.job.JobOwner;
import io.privatelink.provisioner.job.JobStore;
import io.privatelink.provisioner.job.Operation;
import io.privatelink.provisioner.job.VpcEndpointJob;
import io.privatelink.provisioner.messaging.JobEventPublisher;
import io.smallrye.mutiny.Uni;

/**
 * A request from the requests topic that breaks a rule, recorded as a Failed job of its operation with the rule's
 * Code (and its event): nobody waits on the topic for the refusal, so the record is where it is told.
 */
@ApplicationScoped
public class RefusedRequests {

    private static final Logger LOG = Logger.getLogger(RefusedRequests.class);

    private final JobStore jobs;
    private final JobEventPublisher events;
    private final Clock clock;

    public RefusedRequests(JobStore jobs, JobEventPublisher events, Clock clock) {
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
    }

    /** A refusal the request could be retried past (the service's own, 5xx) is not recorded but failed. */
    public Uni<Void> record(Operation operation, String topic, JsonNode request, ApiException error) {
        if (error.httpStatus() >= 500) {
            return Uni.createFrom().failure(error);
        }
        String token = text(request, "ClientToken");
        VpcEndpointJob job = VpcEndpointJob.accepted(JobOwner.topic(topic),
                ParameterForms.isClientToken(token) ? token : UUID.randomUUID().toString(),
                "refused", request.toString(), idOrEmpty(text(request, "RegionId")), idOrEmpty(text(request, "VpcId")),
                clock.instant());
        job.operation = operation;
        return events.after(jobs.recordRefused(job, error.code(), error.getMessage()), job.jobId)
                .invoke(recorded -> LOG.infof("request from %s refused with %s%s", topic, error.code(),
                        recorded ? " as job " + job.jobId : " (its ClientToken " + job.clientToken + " is taken)"))
                .replaceWithVoid();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** The refused request's ids, where they are ids at all: its columns must take what a hostile record holds. */
    private static String idOrEmpty(String s) {
        return ParameterForms.isResourceId(s) ? s : "";
    }
}
