package io.privatelink.provisioner.provisioning;

import java.time.Duration;

import io.privatelink.provisioner.api.CreateVpcEndpointRequest;
import io.privatelink.provisioner.config.ProvisionerConfig;

/**
 * What a create job waits for, as its request says: the endpoint Active, or its connection Connected too (the
 * default), and then for how long a person may take to accept it.
 */
public record WaitFor(boolean connection, Duration acceptanceDeadline) {

    public static WaitFor of(CreateVpcEndpointRequest request, ProvisionerConfig.Retry retry) {
        return new WaitFor(request.waitsForConnection(), request.acceptanceDeadline() == null
                ? retry.acceptanceDeadline() : Duration.ofSeconds(request.acceptanceDeadline()));
    }
}
