package io.privatelink.provisioner.functions;

import io.privatelink.provisioner.api.GetVpcEndpointServiceRequest;
import io.privatelink.provisioner.api.ListVpcEndpointServicesRequest;
import io.privatelink.provisioner.api.ServiceView;
import io.privatelink.provisioner.invocation.Invocation;
import io.privatelink.provisioner.provisioning.ServiceQueries;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;

/** GetVpcEndpointService and ListVpcEndpointServices: the managed services of the caller's tenant. */
public class ServiceReadFunctions {

    private final ServiceQueries queries;

    public ServiceReadFunctions(ServiceQueries queries) {
        this.queries = queries;
    }

    @Funq("GetVpcEndpointService")
    public Uni<ServiceView> getVpcEndpointService(GetVpcEndpointServiceRequest request) {
        return Uni.createFrom().deferred(() -> queries.get(Invocation.current().caller("GetVpcEndpointService"),
                request));
    }

    @Funq("ListVpcEndpointServices")
    public Uni<ServiceView.Page> listVpcEndpointServices(ListVpcEndpointServicesRequest request) {
        return Uni.createFrom().deferred(() -> queries.list(Invocation.current().caller("ListVpcEndpointServices"),
                request));
    }
}
