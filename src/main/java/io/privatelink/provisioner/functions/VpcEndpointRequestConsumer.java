package io.privatelink.provisioner.functions;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.privatelink.provisioner.api.ApiException;
import io.privatelink.provisioner.api.ParameterForms;
import io.privatelink.provisioner.api.RequestReader;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.job.JobOwner;
import io.privatelink.provisioner.job.JobRepository;
import io.privatelink.provisioner.job.VpcEndpointJob;
import io.privatelink.provisioner.provisioning.ProvisionerConfig;
import io.smallrye.mutiny.Uni;

/**
 * CreateVpcEndpoint requests that other systems publish on vpc-endpoint.requests: the same reading, rules and
 * recording as HTTP. A request that breaks a rule becomes a Failed job with the rule's Code (and its event); a record
 * that is not a JSON object goes to the DLQ with the reason. While the database is away the record is retried, not
 * dead-lettered.
 */
@ApplicationScoped
public class VpcEndpointRequestConsumer {

    private static final Logger LOG = Logger.getLogger(VpcEndpointRequestConsumer.class);

    private final CreateVpcEndpointFunction create;
    private final JobRepository jobs;
    private final JobEventPublisher events;
    private final ReactiveContext context;
    private final ObjectMapper json;
    private final ProvisionerConfig config;

    public VpcEndpointRequestConsumer(CreateVpcEndpointFunction create, JobRepository jobs, JobEventPublisher events,
            ReactiveContext context, ObjectMapper json, ProvisionerConfig config) {
        this.create = create;
        this.jobs = jobs;
        this.events = events;
        this.context = context;
        this.json = json;
        this.config = config;
    }

    /** The in-process consumer: while the database is away, the record is tried again here before it is given up. */
    @Incoming("vpc-endpoint-requests-in")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return handle(record).onFailure(e -> !(e instanceof IllegalArgumentException))
                .retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).atMost(config.retry().requestAttempts());
    }

    /**
     * One record, tried once: an IllegalArgumentException for a record that is not a request (for the dead letters),
     * any other failure for a record worth trying again.
     */
    public Uni<Void> handle(ConsumerRecord<String, String> record) {
        JsonNode raw;
        try {
            raw = record.value() == null ? null : json.readTree(record.value());
        } catch (Exception e) {
            raw = null;
        }
        if (raw == null || !raw.isObject()) {
            return Uni.createFrom().failure(new IllegalArgumentException(
                    "not a CreateVpcEndpoint request: the record is not a JSON object"));
        }
        ObjectNode request = (ObjectNode) raw;
        if (!request.hasNonNull("ClientToken")) {
            // A redelivered record must not make a second endpoint: without the caller's token, the record's place
            // in the topic is the token.
            request.put("ClientToken", "kafka-" + record.topic() + "-" + record.partition() + "-" + record.offset());
        }
        byte[] body = request.toString().getBytes(StandardCharsets.UTF_8);
        return context.run(back -> Uni.createFrom().item(() -> RequestReader.read(body))
                .flatMap(parsed -> create.accept(parsed, Caller.topic(record.topic()), back))
                .replaceWithVoid()
                .onFailure(ApiException.class).recoverWithUni(e -> refused(record.topic(), request, (ApiException) e, back)));
    }

    private Uni<Void> refused(String topic, JsonNode request, ApiException error, java.util.concurrent.Executor back) {
        if (error.httpStatus() >= 500) {
            return Uni.createFrom().failure(error);
        }
        String token = text(request, "ClientToken");
        VpcEndpointJob job = VpcEndpointJob.accepted(JobOwner.topic(topic),
                ParameterForms.isClientToken(token) ? token : UUID.randomUUID().toString(),
                "refused", request.toString(), idOrEmpty(text(request, "RegionId")), idOrEmpty(text(request, "VpcId")),
                Instant.now());
        return events.after(jobs.recordRefused(job, error.code(), error.getMessage()), job.jobId)
                .invoke(recorded -> LOG.infof("request from vpc-endpoint.requests refused with %s%s", error.code(),
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
