package io.privatelink.provisioner.functions;

import io.privatelink.provisioner.api.EndpointView;
import io.privatelink.provisioner.api.GetVpcEndpointRequest;
import io.privatelink.provisioner.invocation.Invocation;
import io.privatelink.provisioner.provisioning.EndpointQueries;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;

/** GetVpcEndpoint: a managed endpoint, desired and observed, its drift and the jobs that touched it. */
public class GetVpcEndpointFunction {

    private final EndpointQueries queries;

    public GetVpcEndpointFunction(EndpointQueries queries) {
        this.queries = queries;
    }

    @Funq("GetVpcEndpoint")
    public Uni<EndpointView> getVpcEndpoint(GetVpcEndpointRequest request) {
        return Uni.createFrom().deferred(() -> queries.get(Invocation.current().caller("GetVpcEndpoint"), request));
    }
}
