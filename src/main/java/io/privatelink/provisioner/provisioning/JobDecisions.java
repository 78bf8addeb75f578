package io.privatelink.provisioner.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.cloud.CloudErrors;
import io.privatelink.provisioner.cloud.Creation;
import io.privatelink.provisioner.cloud.Observation;
import io.privatelink.provisioner.config.ProvisionerConfig;
import io.privatelink.provisioner.job.JobStatus;
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

    /**
     * A poll of a Creating endpoint (or of one awaiting acceptance) was answered; {@code known} is the endpoint as
     * recorded so far.
     */
    public Next afterPoll(VpcEndpointJob job, Map<String, Object> known, Observation observation, WaitFor waitFor,
            Instant now) {
        Next.PollCounts counts = new Next.PollCounts(job.polls + 1, 0,
                job.notFoundPolls + (observation.exists() ? 0 : 1));
        // With its zones and their states when they were looked at (a connection's zones).
        Map<String, Object> endpoint = observation.exists() ? merged(known, ObservedSpec.view(observation)) : known;
        if (observation.isActive()) {
            return waitFor.connection() ? connection(job, known, observation, endpoint, counts, waitFor, now)
                    : new Next.Active(endpoint, counts, "EndpointStatus Active after " + counts.polls() + " polls"
                            + " (ConnectionStatus " + observation.connectionStatus() + ": not waited for)");
        }
        if (counts.notFound() > retry.notFoundPolls()) {
            // Just after a create, the cloud may not show the endpoint yet; past the tolerance it is not coming.
            return fail(CloudErrors.ENDPOINT_NOT_FOUND, "The endpoint " + job.endpointId + " was not found after "
                    + counts.notFound() + " polls.");
        }
        return pollAgain(job, endpoint, counts, waitFor, now);
    }

    /** An Active endpoint whose job waits for its connection. */
    private Next connection(VpcEndpointJob job, Map<String, Object> known, Observation observation,
            Map<String, Object> endpoint, Next.PollCounts counts, WaitFor waitFor, Instant now) {
        String seen = "ConnectionStatus " + observation.connectionStatus();
        return switch (ConnectionState.of(known, observation)) {
            case Connected -> new Next.Active(endpoint, counts, "EndpointStatus Active"
                    + (observation.connectionStatus() == null ? "" : ", " + seen) + " after " + counts.polls()
                    + " polls");
            case Rejected -> fail(ApiErrors.CONNECTION_REJECTED, "The owner of the service " + endpoint.get("ServiceId")
                    + " refused or disabled the connection of the endpoint " + job.endpointId + " (" + seen + ").",
                    endpoint);
            case ServiceDeleted -> fail(ApiErrors.SERVICE_DELETED, "The service " + endpoint.get("ServiceId")
                    + " of the endpoint " + job.endpointId + " was deleted (" + seen + ").", endpoint);
            case AwaitingDecision -> job.status == JobStatus.Creating
                    ? new Next.AwaitAcceptance(endpoint, new Next.PollCounts(0, 0, counts.notFound()),
                            now.plus(schedule.acceptancePoll(0)), "EndpointStatus Active, " + seen
                                    + ": waiting for the service's owner to accept it until "
                                    + now.plus(waitFor.acceptanceDeadline()))
                    : pollAgain(job, endpoint, counts, waitFor, now);
            case Connecting -> pollAgain(job, endpoint, counts, waitFor, now);
        };
    }

    /** Not there yet: another look, unless the deadline of the state the job is in has passed. */
    private Next pollAgain(VpcEndpointJob job, Map<String, Object> endpoint, Next.PollCounts counts,
            WaitFor waitFor, Instant now) {
        if (now.isAfter(deadline(job, waitFor))) {
            return timedOut(job, waitFor);
        }
        Duration wait = job.status == JobStatus.AwaitingAcceptance ? schedule.acceptancePoll(counts.polls())
                : schedule.nextPoll(job.account, counts.polls());
        return new Next.PollAgain(now.plus(wait), endpoint, counts);
    }

    /**
     * A poll got no answer: a throttled or failed poll backs off with jitter, as a create call does, but never past
     * the deadline, and the deadline alone does not fail the job: an endpoint is timed out on an answered poll that
     * still shows it not Active, or once polls have failed for a whole backoff cap past the deadline (the cloud down).
     * A throttled cloud must not turn an endpoint that went Active into a ProvisioningTimeout never observed.
     */
    public Next afterPollFailed(VpcEndpointJob job, Map<String, Object> known, CallFailure failure, WaitFor waitFor,
            Instant now) {
        if (!failure.retryable()) {
            return fail(failure.code(), failure.message());
        }
        Instant deadline = deadline(job, waitFor);
        Instant givingUp = deadline.plus(retry.maxDelay());
        if (now.isAfter(givingUp)) {
            return timedOut(job, waitFor);
        }
        Next.PollCounts counts = new Next.PollCounts(job.polls, job.pollFailures + 1, job.notFoundPolls);
        Instant at = now.plus(schedule.afterFailedAttempt(counts.failuresInARow()));
        Instant cap = now.isBefore(deadline) ? deadline : givingUp;
        return new Next.PollAgain(at.isAfter(cap) ? cap : at, known, counts);
    }

    /**
     * Creating: the caller's Deadline, or the active deadline from the moment the job entered Creating (when its
     * create call answered: polls do not move it). AwaitingAcceptance: the acceptance deadline from the moment it
     * entered that state (a person's decision is not bound by the provisioning's Deadline).
     */
    private Instant deadline(VpcEndpointJob job, WaitFor waitFor) {
        if (job.status == JobStatus.AwaitingAcceptance) {
            return job.updatedAt.plus(waitFor.acceptanceDeadline());
        }
        return job.deadlineAt != null ? job.deadlineAt : job.updatedAt.plus(retry.activeDeadline());
    }

    private Next timedOut(VpcEndpointJob job, WaitFor waitFor) {
        if (job.status == JobStatus.AwaitingAcceptance) {
            return fail(ApiErrors.ACCEPTANCE_TIMEOUT, "The connection of the endpoint " + job.endpointId
                    + " was not accepted by " + deadline(job, waitFor) + ".");
        }
        return fail(ApiErrors.PROVISIONING_TIMEOUT, "The endpoint " + job.endpointId + " did not become Active by "
                + deadline(job, waitFor) + ".");
    }

    private static Next fail(String code, String message) {
        return fail(code, message, null);
    }

    private static Next fail(String code, String message, Map<String, Object> seen) {
        return new Next.Fail(code, message, code + ": " + message, seen);
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
