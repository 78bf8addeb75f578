package io.privatelink.provisioner.api;

/**
 * A request for an operation on an endpoint (delete, update, adopt): which endpoint (by EndpointId, or by the JobId of
 * the job that made it), the caller's ClientToken, DryRun and Deadline.
 */
public interface OperationRequest extends JobRequest {

    String regionId();

    String endpointId();

    /** The create (or adopt) job whose endpoint is meant; null where the request names the EndpointId. */
    String jobId();

    Boolean dryRun();

    @Override
    OperationRequest withClientToken(String token);

    @Override
    default boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun());
    }
}
