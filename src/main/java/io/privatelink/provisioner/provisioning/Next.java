package io.privatelink.provisioner.provisioning;

import java.time.Instant;
import java.util.Map;

/** What a job does next, as {@link JobDecisions} decides it; the use cases only record it. */
public sealed interface Next {

    /** The create call answered: record the endpoint and poll it first at {@code firstPollAt}. */
    record Creating(String endpointId, Map<String, Object> endpoint, Instant firstPollAt) implements Next {
    }

    /** Try the create call again at {@code at}; {@code code} is the retryable failure that led here. */
    record RetryCreate(Instant at, String code, String detail) implements Next {
    }

    /** Poll again at {@code at}, with the endpoint as now known (unchanged when the poll got no answer). */
    record PollAgain(Instant at, Map<String, Object> endpoint, PollCounts counts) implements Next {
    }

    /** The endpoint is Active, its connection waits for the service's owner: look again at {@code at}. */
    record AwaitAcceptance(Map<String, Object> endpoint, PollCounts counts, Instant at, String detail) implements Next {
    }

    /** The endpoint is Active (and its connection Connected, when the job waits for it): the job is done. */
    record Active(Map<String, Object> endpoint, PollCounts counts, String detail) implements Next {
    }

    /**
     * The job fails with the Code and Message kept for the caller, and the endpoint as last seen when the failure is
     * about what was seen (a refused connection); null leaves the endpoint as recorded.
     */
    record Fail(String code, String message, String detail, Map<String, Object> endpoint) implements Next {

        public Fail(String code, String message, String detail) {
            this(code, message, detail, null);
        }
    }

    /** The polls of an endpoint (Creating or AwaitingAcceptance): answered, failed in a row, EndpointNotFound. */
    record PollCounts(int polls, int failuresInARow, int notFound) {
    }
}
