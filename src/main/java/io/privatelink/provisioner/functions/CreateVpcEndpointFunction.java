package io.privatelink.provisioner.functions;

import io.privatelink.provisioner.api.CreateVpcEndpointRequest;
import io.privatelink.provisioner.api.CreateVpcEndpointResponse;
import io.privatelink.provisioner.config.ProvisionerConfig;
import io.privatelink.provisioner.invocation.Invocation;
import io.privatelink.provisioner.provisioning.AcceptVpcEndpoint;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;

/** CreateVpcEndpoint: the caller's request accepted as a job (202 with its status resource) or refused. */
public class CreateVpcEndpointFunction {

    private final AcceptVpcEndpoint accept;
    private final ProvisionerConfig config;

    public CreateVpcEndpointFunction(AcceptVpcEndpoint accept, ProvisionerConfig config) {
        this.accept = accept;
        this.config = config;
    }

    @Funq("CreateVpcEndpoint")
    public Uni<CreateVpcEndpointResponse> createVpcEndpoint(CreateVpcEndpointRequest request) {
        Invocation invocation = Invocation.current();
        return Uni.createFrom().deferred(() -> accept.fromCaller(invocation.createRequest(request),
                invocation.caller("CreateVpcEndpoint")))
                .invoke(response -> invocation.accepted(response.statusUrl(), config.accept().retryAfterSeconds()));
    }
}
