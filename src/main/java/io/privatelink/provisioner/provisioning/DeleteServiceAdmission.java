package io.privatelink.provisioner.provisioning;

import jakarta.inject.Singleton;

import io.privatelink.provisioner.api.DeleteVpcEndpointServiceRequest;
import io.privatelink.provisioner.api.RequestValidator;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.cloud.Clouds;
import io.privatelink.provisioner.cloud.ServiceChange;
import io.privatelink.provisioner.job.Operation;
import io.smallrye.mutiny.Uni;

/** DeleteVpcEndpointService of a service the caller's tenant owns; its DryRun is the cloud's own. */
@Singleton
public class DeleteServiceAdmission extends OperationAdmission<DeleteVpcEndpointServiceRequest> {

    private final RequestValidator validator;
    private final ServiceTargets targets;
    private final Clouds cloud;

    public DeleteServiceAdmission(RequestValidator validator, ServiceTargets targets, Clouds cloud) {
        super(Operation.DeleteService, DeleteVpcEndpointServiceRequest.class);
        this.validator = validator;
        this.targets = targets;
        this.cloud = cloud;
    }

    @Override
    public String admit(DeleteVpcEndpointServiceRequest request, Caller caller) {
        RequestValidator.require("ServiceId", request.serviceId());
        validator.validateService(request, null, null);
        return null;
    }

    @Override
    public Uni<JobTarget> target(DeleteVpcEndpointServiceRequest request, Caller caller, String account) {
        return targets.of(request.serviceId(), caller);
    }

    @Override
    public Uni<Void> dryRun(DeleteVpcEndpointServiceRequest request, JobTarget target, Caller caller) {
        return cloud.of(target.account(), caller.owner().tenant()).change(target.regionId(), target.endpointId(),
                new ServiceChange.DeleteService(), request.clientToken(), true);
    }
}
