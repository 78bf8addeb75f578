package io.privatelink.provisioner.functions;

import io.privatelink.provisioner.api.ProvisionCommand;
import io.privatelink.provisioner.provisioning.ProvisionEndpoint;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;

/**
 * ProvisionVpcEndpoint (internal): one ProvisionCommand, the job's create call. Idempotent: a command for a job past
 * Provisioning does nothing, and a repeated call reuses the job's ClientToken, so the cloud makes one endpoint.
 */
public class ProvisionVpcEndpointFunction {

    private final ProvisionEndpoint provision;

    public ProvisionVpcEndpointFunction(ProvisionEndpoint provision) {
        this.provision = provision;
    }

    @Funq("ProvisionVpcEndpoint")
    public Uni<Void> provisionVpcEndpoint(ProvisionCommand command) {
        return provision.provision(command);
    }
}
