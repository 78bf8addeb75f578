package io.privatelink.provisioner.provisioning;

import jakarta.inject.Singleton;

import io.privatelink.provisioner.api.RequestValidator;
import io.privatelink.provisioner.api.UpdateVpcEndpointServiceRequest;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.job.Operation;
import io.smallrye.mutiny.Uni;

/**
 * UpdateVpcEndpointService of a service the caller's tenant owns; its DryRun holds the request to the rules and the
 * service to its owner (each change's own DryRun would need the changes before it made).
 */
@Singleton
public class UpdateServiceAdmission extends OperationAdmission<UpdateVpcEndpointServiceRequest> {

    private final RequestValidator validator;
    private final ServiceTargets targets;

    public UpdateServiceAdmission(RequestValidator validator, ServiceTargets targets) {
        super(Operation.UpdateService, UpdateVpcEndpointServiceRequest.class);
        this.validator = validator;
        this.targets = targets;
    }

    @Override
    public String admit(UpdateVpcEndpointServiceRequest request, Caller caller) {
        RequestValidator.require("ServiceId", request.serviceId());
        validator.validateService(request, request.resource(), request.user());
        return null;
    }

    @Override
    public Uni<JobTarget> target(UpdateVpcEndpointServiceRequest request, Caller caller, String account) {
        return targets.of(request.serviceId(), caller);
    }

    @Override
    public Uni<Void> dryRun(UpdateVpcEndpointServiceRequest request, JobTarget target, Caller caller) {
        return Uni.createFrom().voidItem();
    }
}
