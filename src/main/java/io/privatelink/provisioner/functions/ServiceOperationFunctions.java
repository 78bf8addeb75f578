package io.privatelink.provisioner.functions;

import io.privatelink.provisioner.api.AdoptVpcEndpointServiceRequest;
import io.privatelink.provisioner.api.CreateVpcEndpointResponse;
import io.privatelink.provisioner.api.CreateVpcEndpointServiceRequest;
import io.privatelink.provisioner.api.DeleteVpcEndpointServiceRequest;
import io.privatelink.provisioner.api.UpdateVpcEndpointServiceRequest;
import io.privatelink.provisioner.provisioning.AdoptServiceAdmission;
import io.privatelink.provisioner.provisioning.CreateServiceAdmission;
import io.privatelink.provisioner.provisioning.DeleteServiceAdmission;
import io.privatelink.provisioner.provisioning.UpdateServiceAdmission;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;

/** The owner's endpoint services: create, update, delete and adopt, each accepted as a job. */
public class ServiceOperationFunctions {

    private final AcceptedJobs jobs;
    private final CreateServiceAdmission create;
    private final UpdateServiceAdmission update;
    private final DeleteServiceAdmission delete;
    private final AdoptServiceAdmission adopt;

    public ServiceOperationFunctions(AcceptedJobs jobs, CreateServiceAdmission create, UpdateServiceAdmission update,
            DeleteServiceAdmission delete, AdoptServiceAdmission adopt) {
        this.jobs = jobs;
        this.create = create;
        this.update = update;
        this.delete = delete;
        this.adopt = adopt;
    }

    @Funq("CreateVpcEndpointService")
    public Uni<CreateVpcEndpointResponse> createVpcEndpointService(CreateVpcEndpointServiceRequest request) {
        return jobs.accept(create, request);
    }

    @Funq("UpdateVpcEndpointService")
    public Uni<CreateVpcEndpointResponse> updateVpcEndpointService(UpdateVpcEndpointServiceRequest request) {
        return jobs.accept(update, request);
    }

    @Funq("DeleteVpcEndpointService")
    public Uni<CreateVpcEndpointResponse> deleteVpcEndpointService(DeleteVpcEndpointServiceRequest request) {
        return jobs.accept(delete, request);
    }

    @Funq("AdoptVpcEndpointService")
    public Uni<CreateVpcEndpointResponse> adoptVpcEndpointService(AdoptVpcEndpointServiceRequest request) {
        return jobs.accept(adopt, request);
    }
}
