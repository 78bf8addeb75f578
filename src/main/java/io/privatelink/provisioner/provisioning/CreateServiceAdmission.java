package io.privatelink.provisioner.provisioning;

import jakarta.inject.Singleton;

import io.privatelink.provisioner.api.CreateVpcEndpointServiceRequest;
import io.privatelink.provisioner.api.RequestValidator;
import io.privatelink.provisioner.auth.AccountPolicy;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.cloud.Clouds;
import io.privatelink.provisioner.job.Operation;
import io.smallrye.mutiny.Uni;

/** CreateVpcEndpointService in an account the caller's tenant may use; its DryRun is the cloud's own. */
@Singleton
public class CreateServiceAdmission extends OperationAdmission<CreateVpcEndpointServiceRequest> {

    private final RequestValidator validator;
    private final AccountPolicy accounts;
    private final Clouds cloud;

    public CreateServiceAdmission(RequestValidator validator, AccountPolicy accounts, Clouds cloud) {
        super(Operation.CreateService, CreateVpcEndpointServiceRequest.class);
        this.validator = validator;
        this.accounts = accounts;
        this.cloud = cloud;
    }

    @Override
    public String admit(CreateVpcEndpointServiceRequest request, Caller caller) {
        RequestValidator.require("RegionId", request.regionId());
        validator.validateService(request, request.resource(), request.user());
        return accounts.accountFor(caller, request.account());
    }

    @Override
    public Uni<JobTarget> target(CreateVpcEndpointServiceRequest request, Caller caller, String account) {
        return Uni.createFrom().item(new JobTarget(null, account, request.regionId(), "", null, null, null));
    }

    @Override
    public Uni<Void> dryRun(CreateVpcEndpointServiceRequest request, JobTarget target, Caller caller) {
        return cloud.of(target.account(), caller.owner().tenant()).createService(request.toApiParameters(),
                request.clientToken(), true).replaceWithVoid();
    }
}
