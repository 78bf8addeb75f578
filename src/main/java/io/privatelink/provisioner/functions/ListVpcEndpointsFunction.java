package io.privatelink.provisioner.functions;

import io.privatelink.provisioner.api.EndpointView;
import io.privatelink.provisioner.api.ListVpcEndpointsRequest;
import io.privatelink.provisioner.invocation.Invocation;
import io.privatelink.provisioner.provisioning.EndpointQueries;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;

/** ListVpcEndpoints: the caller's managed endpoints (an auditor's: everyone's), newest first, filtered and paged. */
public class ListVpcEndpointsFunction {

    private final EndpointQueries queries;

    public ListVpcEndpointsFunction(EndpointQueries queries) {
        this.queries = queries;
    }

    @Funq("ListVpcEndpoints")
    public Uni<EndpointView.Page> listVpcEndpoints(ListVpcEndpointsRequest request) {
        return Uni.createFrom().deferred(() -> queries.list(Invocation.current().caller("ListVpcEndpoints"), request));
    }
}
