package io.privatelink.provisioner.functions;

import io.privatelink.provisioner.api.AdoptVpcEndpointRequest;
import io.privatelink.provisioner.api.CreateVpcEndpointResponse;
import io.privatelink.provisioner.api.DeleteVpcEndpointRequest;
import io.privatelink.provisioner.api.UpdateVpcEndpointRequest;
import io.privatelink.provisioner.provisioning.AdoptAdmission;
import io.privatelink.provisioner.provisioning.DeleteAdmission;
import io.privatelink.provisioner.provisioning.UpdateAdmission;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;

/**
 * DeleteVpcEndpoint, UpdateVpcEndpoint and AdoptVpcEndpoint: an operation on an endpoint accepted as a job (202 with
 * its status resource) or refused, as CreateVpcEndpoint is.
 */
public class EndpointOperationFunctions {

    private final AcceptedJobs jobs;
    private final DeleteAdmission delete;
    private final UpdateAdmission update;
    private final AdoptAdmission adopt;

    public EndpointOperationFunctions(AcceptedJobs jobs, DeleteAdmission delete, UpdateAdmission update,
            AdoptAdmission adopt) {
        this.jobs = jobs;
        this.delete = delete;
        this.update = update;
        this.adopt = adopt;
    }

    @Funq("DeleteVpcEndpoint")
    public Uni<CreateVpcEndpointResponse> deleteVpcEndpoint(DeleteVpcEndpointRequest request) {
        return jobs.accept(delete, request);
    }

    @Funq("UpdateVpcEndpoint")
    public Uni<CreateVpcEndpointResponse> updateVpcEndpoint(UpdateVpcEndpointRequest request) {
        return jobs.accept(update, request);
    }

    @Funq("AdoptVpcEndpoint")
    public Uni<CreateVpcEndpointResponse> adoptVpcEndpoint(AdoptVpcEndpointRequest request) {
        return jobs.accept(adopt, request);
    }
}
