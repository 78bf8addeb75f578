package io.privatelink.provisioner.provisioning;

import jakarta.enterprise.context.ApplicationScoped;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.job.JobStore;
import io.smallrye.mutiny.Uni;

/**
 * The managed service a request names, if the caller's tenant owns it: a service this service does not manage, or
 * another tenant's, answers as a missing one.
 */
@ApplicationScoped
public class ServiceTargets {

    private final JobStore jobs;

    public ServiceTargets(JobStore jobs) {
        this.jobs = jobs;
    }

    public Uni<JobTarget> of(String serviceId, Caller caller) {
        return jobs.managedService(serviceId).map(managed -> {
            if (managed == null || !managed.ownedBy(caller.owner())) {
                throw ApiErrors.serviceNotFound(serviceId);
            }
            return new JobTarget(managed.resourceKey, managed.account, managed.regionId, "", managed.serviceId, null,
                    null);
        });
    }
}
