package io.privatelink.provisioner.provisioning;

import jakarta.inject.Singleton;

import io.privatelink.provisioner.api.RequestValidator;
import io.privatelink.provisioner.auth.AccountPolicy;
import io.privatelink.provisioner.cloud.Clouds;
import io.privatelink.provisioner.job.JobStore;
import io.privatelink.provisioner.job.Operation;

/** AcceptVpcEndpointConnection: the owner accepts an endpoint's connection; its DryRun is the cloud's own. */
@Singleton
public class AcceptConnectionAdmission extends ConnectionAdmission {

    public AcceptConnectionAdmission(RequestValidator validator, AccountPolicy accounts, Clouds cloud,
            JobStore jobs) {
        super(Operation.Accept, validator, accounts, cloud, jobs);
    }
}
