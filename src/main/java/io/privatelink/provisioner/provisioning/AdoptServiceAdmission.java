package io.privatelink.provisioner.provisioning;

import jakarta.inject.Singleton;

import io.privatelink.provisioner.api.AdoptVpcEndpointServiceRequest;
import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.RequestValidator;
import io.privatelink.provisioner.auth.AccountPolicy;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.cloud.Clouds;
import io.privatelink.provisioner.job.JobStore;
import io.privatelink.provisioner.job.Operation;
import io.smallrye.mutiny.Uni;

/**
 * AdoptVpcEndpointService: a service no job of this service manages, in the account the request names; its DryRun
 * needs the service to be there.
 */
@Singleton
public class AdoptServiceAdmission extends OperationAdmission<AdoptVpcEndpointServiceRequest> {

    private final RequestValidator validator;
    private final AccountPolicy accounts;
    private final JobStore jobs;
    private final Clouds cloud;

    public AdoptServiceAdmission(RequestValidator validator, AccountPolicy accounts, JobStore jobs, Clouds cloud) {
        super(Operation.AdoptService, AdoptVpcEndpointServiceRequest.class);
        this.validator = validator;
        this.accounts = accounts;
        this.jobs = jobs;
        this.cloud = cloud;
    }

    @Override
    public String admit(AdoptVpcEndpointServiceRequest request, Caller caller) {
        RequestValidator.require("RegionId", request.regionId());
        RequestValidator.require("ServiceId", request.serviceId());
        validator.validateService(request, null, null);
        return accounts.accountFor(caller, request.account());
    }

    @Override
    public Uni<JobTarget> target(AdoptVpcEndpointServiceRequest request, Caller caller, String account) {
        return jobs.managedService(request.serviceId()).map(managed -> {
            if (managed != null) {
                throw ApiErrors.serviceManaged(request.serviceId());
            }
            // Keyed by the service: two adoptions of one service accepted at once run one after the other, and the
            // second finds it managed.
            return new JobTarget(resourceKey(request.serviceId()), account, request.regionId(), "",
                    request.serviceId(), null, null);
        });
    }

    /** The key of a service brought in by adoption: its operations' too. */
    static String resourceKey(String serviceId) {
        return "svc-" + Digests.hex(serviceId, 24);
    }

    @Override
    public Uni<Void> dryRun(AdoptVpcEndpointServiceRequest request, JobTarget target, Caller caller) {
        return cloud.of(target.account(), caller.owner().tenant()).observeService(target.regionId(),
                target.endpointId()).map(seen -> {
                    if (!seen.exists()) {
                        throw ApiErrors.serviceNotFound(target.endpointId());
                    }
                    return null;
                });
    }
}
