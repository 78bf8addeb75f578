package io.privatelink.provisioner.provisioning;

import jakarta.inject.Singleton;

import io.privatelink.provisioner.api.CreateVpcEndpointRequest;
import io.privatelink.provisioner.api.RequestValidator;
import io.privatelink.provisioner.api.UpdateVpcEndpointRequest;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.job.JobViews;
import io.privatelink.provisioner.job.Operation;
import io.smallrye.mutiny.Uni;

/**
 * UpdateVpcEndpoint of the caller's endpoint: the parameters it shares with a create held to create's rules, for the
 * endpoint's own type and IP version. Its DryRun checks those rules only (the cloud has no DryRun for every step).
 */
@Singleton
public class UpdateAdmission extends OperationAdmission<UpdateVpcEndpointRequest> {

    private final RequestValidator validator;
    private final ManagedTargets targets;
    private final JobViews views;

    public UpdateAdmission(RequestValidator validator, ManagedTargets targets, JobViews views) {
        super(Operation.Update, UpdateVpcEndpointRequest.class);
        this.validator = validator;
        this.targets = targets;
        this.views = views;
    }

    @Override
    public String admit(UpdateVpcEndpointRequest request, Caller caller) {
        validator.validateOperation(request, true);
        return null;
    }

    @Override
    public Uni<JobTarget> target(UpdateVpcEndpointRequest request, Caller caller, String account) {
        return targets.of(request, caller).invoke(target -> checked(request, target));
    }

    private void checked(UpdateVpcEndpointRequest update, JobTarget target) {
        String type = null;
        String ipVersion = null;
        if (target.root() != null && target.root().operation == Operation.Create) {
            CreateVpcEndpointRequest made = views.request(target.root());
            type = made.endpointType();
            ipVersion = made.addressIpVersion();
        }
        validator.validateShared(update.asCreateShape(target.regionId(), type, ipVersion));
    }

    @Override
    public Uni<Void> dryRun(UpdateVpcEndpointRequest request, JobTarget target, Caller caller) {
        return Uni.createFrom().voidItem();
    }
}
