package io.privatelink.provisioner.provisioning;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.cloud.CloudErrors;
import io.privatelink.provisioner.cloud.Creation;
import io.privatelink.provisioner.cloud.Observation;
import io.privatelink.provisioner.config.ProvisionerConfig;
import io.privatelink.provisioner.job.VpcEndpointJob;

/**
 * What a cloud outcome means for a job, and nothing else: no I/O, no clock, no state of its own (the schedule's
 * jitter and learned poll times aside). The use cases load the job, call the cloud, ask here, and record the answer.
 */
@ApplicationScoped
public class JobDecisions {

    private final ProvisionerConfig.Retry retry;
    private final RetrySchedule schedule;

    @jakarta.inject.Inject
    public JobDecisions(ProvisionerConfig config, RetrySchedule schedule) {
        this(config.retry(), schedule);
    }

    public JobDecisions(ProvisionerConfig.Retry retry, RetrySchedule schedule) {
        this.retry = retry;
        this.schedule = schedule;
    }

    /** The create call of a job in {@code account} answered with the endpoint. */
    public Next afterCreate(String account, Creation creation, Instant now) {
        return new Next.Creating(creation.endpointId(), creation.attributes(), now.plus(schedule.firstPoll(account)));
    }

    /** The create call of attempt {@code attempt} got no endpoint: retried by class until the create deadline. */
    public Next afterCreateFailed(VpcEndpointJob job, int attempt, CallFailure failure, Instant now) {
        String detail = "attempt " + attempt + " failed: " + failure.code() + ": " + failure.message();
        if (!failure.retryable()) {
            return new Next.Fail(failure.code(), failure.message(), detail);
        }
        if (now.isAfter(job.deadlineAt != null ? job.deadlineAt : job.createdAt.plus(retry.createDeadline()))) {
            return new Next.Fail(ApiErrors.PROVISIONING_TIMEOUT, "The create call kept failing past the deadline; last "
                    + "error " + failure.code() + ": " + failure.message(), detail);
        }
        Instant at = now.plus(schedule.afterFailedAttempt(attempt));
        return new Next.RetryCreate(at, failure.code(), detail + "; next attempt at " + at);
    }

    /** A poll of a Creating endpoint was answered; {@code known} is the endpoint as recorded so far. */
    public Next afterPoll(VpcEndpointJob job, Map<String, Object> known, Observation observation, Instant now) {
        Next.PollCounts counts = new Next.PollCounts(job.polls + 1, 0,
                job.notFoundPolls + (observation.exists() ? 0 : 1));
        Map<String, Object> endpoint = observation.exists() ? merged(known, observation.attributes()) : known;
        if (observation.isActive()) {
            return new Next.Active(endpoint, counts, "EndpointStatus Active after " + counts.polls() + " polls");
        }
        if (counts.notFound() > retry.notFoundPolls()) {
            // Just after a create, the cloud may not show the endpoint yet; past the tolerance it is not coming.
            return fail(CloudErrors.ENDPOINT_NOT_FOUND, "The endpoint " + job.endpointId + " was not found after "
                    + counts.notFound() + " polls.");
        }
        return pastActiveDeadline(job, now) ? timedOut(job)
                : new Next.PollAgain(now.plus(schedule.nextPoll(job.account, counts.polls())), endpoint, counts);
    }

    /**
     * A poll got no answer: a throttled or failed poll backs off with jitter, as a create call does, but never past
     * the deadline, and the deadline alone does not fail the job: an endpoint is timed out on an answered poll that
     * still shows it not Active, or once polls have failed for a whole backoff cap past the deadline (the cloud down).
     * A throttled cloud must not turn an endpoint that went Active into a ProvisioningTimeout never observed.
     */
    public Next afterPollFailed(VpcEndpointJob job, Map<String, Object> known, CallFailure failure, Instant now) {
        if (!failure.retryable()) {
            return fail(failure.code(), failure.message());
        }
        Instant deadline = activeDeadline(job);
        Instant givingUp = deadline.plus(retry.maxDelay());
        if (now.isAfter(givingUp)) {
            return timedOut(job);
        }
        Next.PollCounts counts = new Next.PollCounts(job.polls, job.pollFailures + 1, job.notFoundPolls);
        Instant at = now.plus(schedule.afterFailedAttempt(counts.failuresInARow()));
        Instant cap = now.isBefore(deadline) ? deadline : givingUp;
        return new Next.PollAgain(at.isAfter(cap) ? cap : at, known, counts);
    }

    private boolean pastActiveDeadline(VpcEndpointJob job, Instant now) {
        return now.isAfter(activeDeadline(job));
    }

    /**
     * The caller's Deadline, or the active deadline from the moment the job entered Creating (when its create call
     * answered: polls do not move it).
     */
    private Instant activeDeadline(VpcEndpointJob job) {
        return job.deadlineAt != null ? job.deadlineAt : job.updatedAt.plus(retry.activeDeadline());
    }

    private Next timedOut(VpcEndpointJob job) {
        return fail(ApiErrors.PROVISIONING_TIMEOUT, "The endpoint " + job.endpointId + " did not become Active by "
                + activeDeadline(job) + ".");
    }

    private static Next fail(String code, String message) {
        return new Next.Fail(code, message, code + ": " + message);
    }

    private static Map<String, Object> merged(Map<String, Object> known, Map<String, Object> observed) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        if (known != null) {
            endpoint.putAll(known);
        }
        endpoint.putAll(observed);
        return endpoint;
    }
}
