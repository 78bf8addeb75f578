package io.privatelink.provisioner.functions;

import io.privatelink.provisioner.api.ConnectionDecisionRequest;
import io.privatelink.provisioner.api.CreateVpcEndpointResponse;
import io.privatelink.provisioner.provisioning.AcceptConnectionAdmission;
import io.privatelink.provisioner.provisioning.RejectConnectionAdmission;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;

/** AcceptVpcEndpointConnection and RejectVpcEndpointConnection: a service owner's decision, accepted as a job. */
public class ConnectionDecisionFunctions {

    private final AcceptedJobs jobs;
    private final AcceptConnectionAdmission accept;
    private final RejectConnectionAdmission reject;

    public ConnectionDecisionFunctions(AcceptedJobs jobs, AcceptConnectionAdmission accept,
            RejectConnectionAdmission reject) {
        this.jobs = jobs;
        this.accept = accept;
        this.reject = reject;
    }

    @Funq("AcceptVpcEndpointConnection")
    public Uni<CreateVpcEndpointResponse> acceptVpcEndpointConnection(ConnectionDecisionRequest request) {
        return jobs.accept(accept, request);
    }

    @Funq("RejectVpcEndpointConnection")
    public Uni<CreateVpcEndpointResponse> rejectVpcEndpointConnection(ConnectionDecisionRequest request) {
        return jobs.accept(reject, request);
    }
}
