package io.privatelink.provisioner.provisioning;

import jakarta.enterprise.context.ApplicationScoped;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.OperationRequest;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.job.JobStore;
import io.privatelink.provisioner.job.ManagedEndpoint;
import io.privatelink.provisioner.job.VpcEndpointJob;
import io.smallrye.mutiny.Uni;

/**
 * The caller's endpoint an operation names, by EndpointId (and RegionId, if given) or by the JobId of the job that
 * made it. Another caller's, or one deleted since, answers as a missing one.
 */
@ApplicationScoped
public class ManagedTargets {

    private final JobStore jobs;

    public ManagedTargets(JobStore jobs) {
        this.jobs = jobs;
    }

    public Uni<JobTarget> of(OperationRequest r, Caller caller) {
        if (r.endpointId() == null) {
            return jobs.byId(r.jobId()).flatMap(job -> {
                if (job == null || !caller.owner().equals(job.owner())) {
                    return Uni.createFrom().failure(ApiErrors.jobNotFound(r.jobId()));
                }
                return jobs.byId(job.endpointKey()).flatMap(root -> withManaged(root, r.jobId(), caller));
            });
        }
        return jobs.managedById(r.endpointId()).flatMap(managed -> managed != null
                ? (caller.owner().equals(managed.owner()) && regionMatches(r, managed.regionId)
                        ? jobs.byId(managed.resourceKey).map(root -> new JobTarget(managed.resourceKey,
                                managed.account, managed.regionId, "", managed.endpointId, root, managed))
                        : Uni.createFrom().failure(ApiErrors.endpointNotFound(r.endpointId())))
                // Not managed (yet, or no longer): the caller's create job that made it, unless it was deleted since.
                : jobs.createJobOf(caller.owner(), r.endpointId()).flatMap(root -> root == null
                        || !regionMatches(r, root.regionId)
                                ? Uni.createFrom().failure(ApiErrors.endpointNotFound(r.endpointId()))
                                : withManaged(root, r.endpointId(), caller)));
    }

    private Uni<JobTarget> withManaged(VpcEndpointJob root, String named, Caller caller) {
        if (root == null || !caller.owner().equals(root.owner())) {
            return Uni.createFrom().failure(ApiErrors.jobNotFound(named));
        }
        return jobs.managedEndpoint(root.jobId).map(managed -> {
            if (managed != null && managed.status == ManagedEndpoint.Status.Deleted) {
                throw ApiErrors.endpointNotFound(managed.endpointId);
            }
            return new JobTarget(root.jobId, root.account, root.regionId, "", root.endpointId, root, managed);
        });
    }

    private static boolean regionMatches(OperationRequest r, String regionId) {
        return r.regionId() == null || r.regionId().equals(regionId);
    }
}
