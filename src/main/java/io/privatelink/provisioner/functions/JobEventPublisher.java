package io.privatelink.provisioner.functions;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.privatelink.provisioner.job.JobEvent;
import io.privatelink.provisioner.job.JobRepository;
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
    private final JobRepository jobs;

    public JobEventPublisher(@Channel("job-events-out") MutinyEmitter<String> emitter, JobRepository jobs) {
        this.emitter = emitter;
        this.jobs = jobs;
    }

    /** Runs {@code change}, then publishes what it recorded; a failed publish does not fail the change. */
    public <T> Uni<T> after(Uni<T> change, String jobId, Executor back) {
        return change.call(() -> publish(jobId, back).onFailure().recoverWithItem(e -> {
            LOG.warnf("events of job %s not published yet (%s); the reconciler will", jobId, e.toString());
            return 0;
        }));
    }

    public Uni<Integer> publish(String jobId, Executor back) {
        return jobs.publishPending(jobId, pending -> send(pending, back));
    }

    private Uni<Void> send(List<JobEvent> pending, Executor back) {
        return Multi.createFrom().iterable(pending)
                .onItem().transformToUniAndConcatenate(event -> emitter.sendMessage(message(event)).emitOn(back))
                .collect().last().replaceWithVoid();
    }

    private static Message<String> message(JobEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", JobCloudEvents.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return Message.of(event.payload).addMetadata(OutgoingKafkaRecordMetadata.<String> builder()
                .withKey(event.jobId).withHeaders(headers).build());
    }
}
