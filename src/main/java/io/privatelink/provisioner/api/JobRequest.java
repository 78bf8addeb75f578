package io.privatelink.provisioner.api;

/** A request that becomes a job: the caller's ClientToken, DryRun, Deadline and where the job's events go. */
public interface JobRequest extends Notified {

    String clientToken();

    boolean isDryRun();

    /** Seconds from acceptance within which the job must end; null for the service's default. */
    Integer deadline();

    /** The same request under this ClientToken. */
    JobRequest withClientToken(String token);
}
