package io.privatelink.provisioner.functions;

import io.privatelink.provisioner.api.CreateVpcEndpointRequest;
import io.privatelink.provisioner.api.CreateVpcEndpointResponse;
import io.privatelink.provisioner.provisioning.CreateAdmission;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;

/** CreateVpcEndpoint: the caller's request accepted as a job (202 with its status resource) or refused. */
public class CreateVpcEndpointFunction {

    private final AcceptedJobs jobs;
    private final CreateAdmission create;

    public CreateVpcEndpointFunction(AcceptedJobs jobs, CreateAdmission create) {
        this.jobs = jobs;
        this.create = create;
    }

    @Funq("CreateVpcEndpoint")
    public Uni<CreateVpcEndpointResponse> createVpcEndpoint(CreateVpcEndpointRequest request) {
        return jobs.accept(create, request);
    }
}
