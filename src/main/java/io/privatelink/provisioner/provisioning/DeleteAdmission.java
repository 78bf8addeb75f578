package io.privatelink.provisioner.provisioning;

import java.time.Clock;

import jakarta.inject.Singleton;

import io.privatelink.provisioner.api.DeleteVpcEndpointRequest;
import io.privatelink.provisioner.api.RequestValidator;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.cloud.Clouds;
import io.privatelink.provisioner.cloud.EndpointChange;
import io.privatelink.provisioner.job.JobStore;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.Operation;
import io.privatelink.provisioner.job.VpcEndpointJob;
import io.privatelink.provisioner.messaging.JobEventPublisher;
import io.smallrye.mutiny.Uni;

/**
 * DeleteVpcEndpoint of the caller's endpoint; its DryRun is the cloud's own. A delete of an endpoint whose create job
 * has not reached the cloud cancels that job instead, so the cloud never hears of it.
 */
@Singleton
public class DeleteAdmission extends OperationAdmission<DeleteVpcEndpointRequest> {

    private final RequestValidator validator;
    private final ManagedTargets targets;
    private final Clouds cloud;
    private final JobStore jobs;
    private final JobEventPublisher events;
    private final Clock clock;

    public DeleteAdmission(RequestValidator validator, ManagedTargets targets, Clouds cloud, JobStore jobs,
            JobEventPublisher events, Clock clock) {
        super(Operation.Delete, DeleteVpcEndpointRequest.class);
        this.validator = validator;
        this.targets = targets;
        this.cloud = cloud;
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String admit(DeleteVpcEndpointRequest request, Caller caller) {
        validator.validateOperation(request, true);
        return null;
    }

    @Override
    public Uni<JobTarget> target(DeleteVpcEndpointRequest request, Caller caller, String account) {
        return targets.of(request, caller);
    }

    @Override
    public Uni<Void> dryRun(DeleteVpcEndpointRequest request, JobTarget target, Caller caller) {
        if (target.endpointId() == null) {
            return Uni.createFrom().voidItem();
        }
        return cloud.of(target.account(), caller.owner().tenant()).change(target.regionId(), target.endpointId(),
                new EndpointChange.DeleteEndpoint(), request.clientToken(), true);
    }

    /** A delete of an endpoint whose create job has not reached the cloud: that job is cancelled, never called. */
    @Override
    public Uni<Void> beforeRecord(JobTarget target) {
        VpcEndpointJob root = target.root();
        if (root == null || !root.status.beforeTheCloud()) {
            return Uni.createFrom().voidItem();
        }
        return events.after(jobs.update(root.jobId, (job, steps) -> {
            if (job.status.beforeTheCloud()) {
                steps.add(job.moveTo(JobStatus.Cancelled, "cancelled by DeleteVpcEndpoint before it reached the "
                        + "cloud", clock.instant()));
            }
            return null;
        }), root.jobId).replaceWithVoid();
    }
}
