package io.privatelink.provisioner.provisioning;

import jakarta.inject.Singleton;

import io.privatelink.provisioner.api.CreateVpcEndpointRequest;
import io.privatelink.provisioner.api.RequestFingerprint;
import io.privatelink.provisioner.api.RequestValidator;
import io.privatelink.provisioner.auth.AccountPolicy;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.cloud.Clouds;
import io.privatelink.provisioner.job.Operation;
import io.smallrye.mutiny.Uni;

/** CreateVpcEndpoint: a new endpoint in the account the caller may use; its DryRun is the cloud's own. */
@Singleton
public class CreateAdmission implements Admission<CreateVpcEndpointRequest> {

    private final RequestValidator validator;
    private final AccountPolicy accounts;
    private final Clouds cloud;

    public CreateAdmission(RequestValidator validator, AccountPolicy accounts, Clouds cloud) {
        this.validator = validator;
        this.accounts = accounts;
        this.cloud = cloud;
    }

    @Override
    public Operation operation() {
        return Operation.Create;
    }

    @Override
    public Class<CreateVpcEndpointRequest> requestType() {
        return CreateVpcEndpointRequest.class;
    }

    @Override
    public String admit(CreateVpcEndpointRequest request, Caller caller) {
        validator.validate(request);
        return accounts.accountFor(caller, request.account());
    }

    @Override
    public String fingerprint(CreateVpcEndpointRequest request) {
        return RequestFingerprint.of(request);
    }

    /** A create's token is held by one statement that records the job or finds its holder: no lookup before it. */
    @Override
    public boolean replaysFirst() {
        return false;
    }

    @Override
    public Uni<JobTarget> target(CreateVpcEndpointRequest request, Caller caller, String account) {
        return Uni.createFrom().item(JobTarget.newEndpoint(account, request.regionId(), request.vpcId()));
    }

    @Override
    public Uni<Void> dryRun(CreateVpcEndpointRequest request, JobTarget target, Caller caller) {
        return cloud.of(target.account(), caller.owner().tenant()).checkCreate(request.cloudParameters(),
                request.clientToken()).replaceWithVoid();
    }
}
