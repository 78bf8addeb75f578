package io.privatelink.provisioner.provisioning;

import io.privatelink.provisioner.api.JobRequest;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.job.Operation;
import io.smallrye.mutiny.Uni;

/**
 * What one operation brings to the accept pipeline ({@link AcceptJob}): its request type, its rules, what it acts on
 * and its DryRun. The ClientToken, the record, the command and the answer are the pipeline's, the same for all.
 */
public interface Admission<R extends JobRequest> {

    Operation operation();

    Class<R> requestType();

    /**
     * The request's own rules (an ApiException when one is broken); the account the request names, or null where the
     * job acts in its endpoint's account, whichever that is.
     */
    String admit(R request, Caller caller);

    /** What the request's ClientToken stands for. */
    String fingerprint(R request);

    /**
     * Whether a ClientToken already held gives back its job before the target is looked up: the endpoint may have
     * gone since that job was accepted, and its retry must still find it.
     */
    boolean replaysFirst();

    /** What the job acts on; an ApiException when the caller may not act on it. */
    Uni<JobTarget> target(R request, Caller caller, String account);

    /** The checks of a DryRun beyond the rules (the cloud's own, where it has one); a CloudException when refused. */
    Uni<Void> dryRun(R request, JobTarget target, Caller caller);

    /** What must happen just before the job is recorded. */
    default Uni<Void> beforeRecord(JobTarget target) {
        return Uni.createFrom().voidItem();
    }
}
