package io.privatelink.provisioner.functions;

import java.util.function.BiFunction;

import io.privatelink.provisioner.api.AdoptVpcEndpointRequest;
import io.privatelink.provisioner.api.CreateVpcEndpointResponse;
import io.privatelink.provisioner.api.DeleteVpcEndpointRequest;
import io.privatelink.provisioner.api.UpdateVpcEndpointRequest;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.config.ProvisionerConfig;
import io.privatelink.provisioner.invocation.Invocation;
import io.privatelink.provisioner.provisioning.AcceptOperation;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;

/**
 * DeleteVpcEndpoint, UpdateVpcEndpoint and AdoptVpcEndpoint: an operation on an endpoint accepted as a job (202 with
 * its status resource) or refused, as CreateVpcEndpoint is.
 */
public class EndpointOperationFunctions {

    private final AcceptOperation accept;
    private final ProvisionerConfig config;

    public EndpointOperationFunctions(AcceptOperation accept, ProvisionerConfig config) {
        this.accept = accept;
        this.config = config;
    }

    @Funq("DeleteVpcEndpoint")
    public Uni<CreateVpcEndpointResponse> deleteVpcEndpoint(DeleteVpcEndpointRequest request) {
        return accepted("DeleteVpcEndpoint", request, DeleteVpcEndpointRequest.class, accept::delete);
    }

    @Funq("UpdateVpcEndpoint")
    public Uni<CreateVpcEndpointResponse> updateVpcEndpoint(UpdateVpcEndpointRequest request) {
        return accepted("UpdateVpcEndpoint", request, UpdateVpcEndpointRequest.class, accept::update);
    }

    @Funq("AdoptVpcEndpoint")
    public Uni<CreateVpcEndpointResponse> adoptVpcEndpoint(AdoptVpcEndpointRequest request) {
        return accepted("AdoptVpcEndpoint", request, AdoptVpcEndpointRequest.class, accept::adopt);
    }

    /** The request as the edge read it, accepted for its caller; the answer a 202 with the job's Location. */
    private <T> Uni<CreateVpcEndpointResponse> accepted(String function, T bound, Class<T> type,
            BiFunction<T, Caller, Uni<CreateVpcEndpointResponse>> use) {
        Invocation invocation = Invocation.current();
        return Uni.createFrom().deferred(() -> use.apply(invocation.request(bound, type), invocation.caller(function)))
                .invoke(response -> invocation.accepted(response.statusUrl(), config.accept().retryAfterSeconds()));
    }
}
