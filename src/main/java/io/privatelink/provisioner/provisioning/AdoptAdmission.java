package io.privatelink.provisioner.provisioning;

import jakarta.inject.Singleton;

import io.privatelink.provisioner.api.AdoptVpcEndpointRequest;
import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.RequestValidator;
import io.privatelink.provisioner.auth.AccountPolicy;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.cloud.Clouds;
import io.privatelink.provisioner.job.JobStore;
import io.privatelink.provisioner.job.Operation;
import io.smallrye.mutiny.Uni;

/**
 * AdoptVpcEndpoint: an endpoint no job of this service manages, in the account the request names; its DryRun needs
 * the endpoint to be there.
 */
@Singleton
public class AdoptAdmission extends OperationAdmission<AdoptVpcEndpointRequest> {

    private final RequestValidator validator;
    private final AccountPolicy accounts;
    private final JobStore jobs;
    private final Clouds cloud;

    public AdoptAdmission(RequestValidator validator, AccountPolicy accounts, JobStore jobs, Clouds cloud) {
        super(Operation.Adopt, AdoptVpcEndpointRequest.class);
        this.validator = validator;
        this.accounts = accounts;
        this.jobs = jobs;
        this.cloud = cloud;
    }

    @Override
    public String admit(AdoptVpcEndpointRequest request, Caller caller) {
        validator.validateOperation(request, false);
        return accounts.accountFor(caller, request.account());
    }

    @Override
    public Uni<JobTarget> target(AdoptVpcEndpointRequest request, Caller caller, String account) {
        return jobs.managedById(request.endpointId()).map(managed -> {
            if (managed != null) {
                throw ApiErrors.endpointManaged(request.endpointId());
            }
            return JobTarget.unmanaged(account, request.regionId(), request.endpointId());
        });
    }

    @Override
    public Uni<Void> dryRun(AdoptVpcEndpointRequest request, JobTarget target, Caller caller) {
        return cloud.of(target.account(), caller.owner().tenant()).observe(target.regionId(), target.endpointId())
                .map(seen -> {
                    if (!seen.exists()) {
                        throw ApiErrors.endpointNotFound(target.endpointId());
                    }
                    return null;
                });
    }
}
