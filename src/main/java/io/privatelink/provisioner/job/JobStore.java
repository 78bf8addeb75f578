package io.privatelink.provisioner.job;

import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.privatelink.provisioner.api.JobView;
import io.smallrye.mutiny.Uni;

/**
 * The record of jobs: what the use cases load and store, each method one transaction. PostgreSQL in the service
 * ({@link JobStore}); an in-memory one in the use cases' unit tests.
 */
public interface JobStore {

    /** The outcome of recording a request: the job that holds its ClientToken, and whether it is new. */
    record Accepted(VpcEndpointJob job, boolean created) {
    }

    /** A job, its history and its callbacks' deliveries as GetVpcEndpointJob shows them. */
    record WithHistory(VpcEndpointJob job, List<JobHistoryEntry> history, List<JobView.Delivery> deliveries) {
    }

    /**
     * Records a new job with its first history row and event, unless its owner's ClientToken is taken: then the job
     * that holds it comes back. Concurrent identical requests therefore make exactly one job.
     */
    Uni<Accepted> accept(VpcEndpointJob job, String detail);

    /**
     * Records a job that was refused before it could run (a request from the topic that breaks a rule): Accepted, then
     * Failed, each with its event. Answers false when the ClientToken is already taken.
     */
    Uni<Boolean> recordRefused(VpcEndpointJob job, String errorCode, String errorMessage);

    /** The job; null for an unknown one. */
    Uni<VpcEndpointJob> byId(String jobId);

    /** The job with its history; null for an unknown job. */
    Uni<WithHistory> withHistory(String jobId);

    /**
     * The job of {@code owner} with this ClientToken in this account (a token is scoped per account; with no account,
     * the newest in any); with no owner, the newest of anyone's.
     */
    Uni<VpcEndpointJob> byClientToken(JobOwner owner, String account, String clientToken);

    Uni<List<JobHistoryEntry>> history(String jobId);

    /**
     * Locks the job, lets {@code change} alter it and name the history rows it produced, and commits both (with an
     * event for each move). Answers null for an unknown job.
     */
    <T> Uni<T> update(String jobId, BiFunction<VpcEndpointJob, List<JobHistoryEntry>, T> change);

    /** The earliest job on the same endpoint, accepted before this one, that has not ended; null when none. */
    Uni<String> earlierMoving(VpcEndpointJob job);

    /**
     * Whether the job has ended (or is unknown), as committed once any change of it under way has committed: a job
     * queued behind it asks after its own queueing, since that end's wake of the queued may have run before it.
     */
    Uni<Boolean> hasEnded(String jobId);

    /** The managed endpoint with this key; null when there is none (yet). */
    Uni<ManagedEndpoint> managedEndpoint(String resourceKey);

    /** The endpoint the service manages under this id (not one it deleted); null when it manages none. */
    Uni<ManagedEndpoint> managedById(String endpointId);

    /** The endpoint service the service manages under this id (not one it deleted); null when it manages none. */
    Uni<ManagedService> managedService(String serviceId);

    /** The newest create job of this owner that made the endpoint (one not Active yet, or that timed out). */
    Uni<VpcEndpointJob> createJobOf(JobOwner owner, String endpointId);

    /** How many unfinished jobs are due for their next step now. */
    Uni<Long> countDue(Instant now);

    /**
     * Hands the job's unpublished events, oldest first, to {@code send} and marks them published when it succeeds;
     * one publisher at a time sends a job's events, in order.
     */
    Uni<Integer> publishPending(String jobId, Function<List<JobEvent>, Uni<Void>> send);

    /** Jobs with events left unpublished since before {@code olderThan} (their publisher died or the broker was away). */
    Uni<List<String>> jobsWithStaleEvents(Instant olderThan, int limit);

    /**
     * Claims up to {@code limit} unfinished jobs whose next attempt is due (at most {@code perAccount} of one
     * account), pushing their next attempt to {@code leaseUntil} so that no other reconciler takes them meanwhile.
     */
    Uni<List<VpcEndpointJob>> claimDue(Instant now, int limit, int perAccount, Instant leaseUntil);
}
