package io.privatelink.provisioner.provisioning;

import org.jboss.logging.Logger;

import io.privatelink.provisioner.cloud.CloudErrors;
import io.privatelink.provisioner.cloud.CloudException;

/**
 * A cloud call that got no usable answer, as the job's decisions see it. The one rule for a failure that is not the
 * cloud's own answer (a CloudException): it is an {@code InternalError} of this service, retried like the cloud's own
 * InternalError until the job's deadline. A transient fault here (a call cut short at shutdown, an executor refusing
 * work) must not end a job that the next attempt would finish; a lasting one ends it at the deadline with its code.
 */
public record CallFailure(String code, String message, boolean retryable) {

    public static final String INTERNAL_ERROR = "InternalError";
    private static final Logger LOG = Logger.getLogger(CallFailure.class);

    public static CallFailure of(Throwable failure) {
        if (failure instanceof CloudException e) {
            return new CallFailure(e.code(), e.getMessage(), e.isRetryable());
        }
        // Not the cloud's answer: a bug or a transient fault of this service, whose stack trace the history cannot hold.
        LOG.errorf(failure, "a cloud call failed without the cloud's answer; retried as %s", INTERNAL_ERROR);
        return new CallFailure(INTERNAL_ERROR, failure.toString(), CloudErrors.isRetryable(INTERNAL_ERROR, 0));
    }
}
