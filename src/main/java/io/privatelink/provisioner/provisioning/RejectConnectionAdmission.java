package io.privatelink.provisioner.provisioning;

import jakarta.inject.Singleton;

import io.privatelink.provisioner.api.RequestValidator;
import io.privatelink.provisioner.auth.AccountPolicy;
import io.privatelink.provisioner.cloud.Clouds;
import io.privatelink.provisioner.job.JobStore;
import io.privatelink.provisioner.job.Operation;

/** RejectVpcEndpointConnection: the owner refuses (or ends) an endpoint's connection; its DryRun is the cloud's own. */
@Singleton
public class RejectConnectionAdmission extends ConnectionAdmission {

    public RejectConnectionAdmission(RequestValidator validator, AccountPolicy accounts, Clouds cloud,
            JobStore jobs) {
        super(Operation.Reject, validator, accounts, cloud, jobs);
    }
}
