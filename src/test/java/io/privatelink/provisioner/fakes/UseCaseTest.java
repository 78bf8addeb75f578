package io.privatelink.provisioner.fakes;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;

import io.privatelink.provisioner.api.JobRequest;
import io.privatelink.provisioner.api.RequestReader;
import io.privatelink.provisioner.job.VpcEndpointJob;
import io.privatelink.provisioner.provisioning.Admission;

/** What the use cases' unit tests share: a fresh world each, demo-a's cloud, a job by id, an accepted request. */
public abstract class UseCaseTest {

    protected final UseCases world = new UseCases();

    @AfterEach
    void closeWorld() {
        world.close();
    }

    /** The cloud of the caller's default account. */
    protected InMemoryCloud cloud() {
        return world.clouds.account("demo-a");
    }

    protected VpcEndpointJob job(String jobId) {
        return world.jobs.byId(jobId).await().indefinitely();
    }

    /** The request as the edge reads it for this operation. */
    protected static <R extends JobRequest> R read(Admission<R> admission, String json) {
        return RequestReader.read(json.getBytes(StandardCharsets.UTF_8), admission.requestType(),
                admission.operation().action());
    }

    /** The caller's request accepted: its JobId. */
    protected <R extends JobRequest> String accepted(Admission<R> admission, String json) {
        return world.accept.fromCaller(admission, read(admission, json), UseCases.CALLER)
                .await().atMost(Duration.ofSeconds(5)).jobId();
    }

    /** One step of the job, as the reconciler takes it when it is due. */
    protected VpcEndpointJob step(String jobId) {
        VpcEndpointJob job = job(jobId);
        if (job.nextAttemptAt != null && job.nextAttemptAt.isAfter(world.clock.instant())) {
            world.clock.advance(Duration.between(world.clock.instant(), job.nextAttemptAt));
        }
        world.operations.step(job).await().atMost(Duration.ofSeconds(5));
        return job(jobId);
    }

    /** Steps until the job ends; at most {@code steps} of them. */
    protected VpcEndpointJob run(String jobId, int steps) {
        VpcEndpointJob job = job(jobId);
        for (int i = 0; i < steps && !job.status.isTerminal(); i++) {
            job = step(jobId);
        }
        return job;
    }
}
