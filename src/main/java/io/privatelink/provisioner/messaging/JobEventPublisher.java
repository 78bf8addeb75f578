package io.privatelink.provisioner.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.privatelink.provisioner.config.ProvisionerConfig;
import io.privatelink.provisioner.job.JobEvent;
import io.privatelink.provisioner.job.JobStore;
import io.privatelink.provisioner.job.ReactiveContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes a job's recorded state changes on vpc-endpoint.events, keyed by JobId so that they stay in order, each
 * marked published once the broker has it. What fails here is published later by the reconciler.
 */
@ApplicationScoped
public class JobEventPublisher {

    private static final Logger LOG = Logger.getLogger(JobEventPublisher.class);

    private final MutinyEmitter<String> emitter;
    private final JobStore jobs;
    private final ProvisionerConfig config;
    private final ReactiveContext context;

    public JobEventPublisher(@Channel("job-events-out") MutinyEmitter<String> emitter, JobStore jobs,
            ProvisionerConfig config, ReactiveContext context) {
        this.emitter = emitter;
        this.jobs = jobs;
        this.config = config;
        this.context = context;
    }

    /**
     * Runs {@code change}, then publishes what it recorded on a context of its own, without making the change wait
     * for the broker; what fails is published later by the reconciler.
     */
    public <T> Uni<T> after(Uni<T> change, String jobId) {
        return change.invoke(() -> publishAside(jobId));
    }

    /** The same for a change that answers whether it recorded a move: one that did not has nothing to publish. */
    public Uni<Void> afterMove(Uni<Boolean> change, String jobId) {
        return change.invoke(moved -> {
            if (moved) {
                publishAside(jobId);
            }
        }).replaceWithVoid();
    }

    private void publishAside(String jobId) {
        context.run(back -> publish(jobId, back)).subscribe().with(published -> {
        }, e -> LOG.warnf("events of job %s not published yet (%s); the reconciler will", jobId, e.toString()));
    }

    public Uni<Integer> publish(String jobId, Executor back) {
        return jobs.publishPending(jobId, pending -> send(pending, back));
    }

    private Uni<Void> send(List<JobEvent> pending, Executor back) {
        return Multi.createFrom().iterable(pending)
                // Without a broker a send would wait for minutes; the events stay recorded for the reconciler instead.
                .onItem().transformToUniAndConcatenate(event -> emitter.sendMessage(message(event))
                        .ifNoItem().after(config.accept().sendTimeout()).fail().emitOn(back))
                .collect().last().replaceWithVoid();
    }

    private static Message<String> message(JobEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", JobCloudEvents.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return Message.of(event.payload).addMetadata(OutgoingKafkaRecordMetadata.<String> builder()
                .withKey(event.jobId).withHeaders(headers).build());
    }
}
