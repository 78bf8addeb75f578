package io.privatelink.provisioner.functions;

import jakarta.enterprise.context.ApplicationScoped;

import io.privatelink.provisioner.api.CreateVpcEndpointResponse;
import io.privatelink.provisioner.api.JobRequest;
import io.privatelink.provisioner.config.ProvisionerConfig;
import io.privatelink.provisioner.invocation.Invocation;
import io.privatelink.provisioner.provisioning.AcceptJob;
import io.privatelink.provisioner.provisioning.Admission;
import io.smallrye.mutiny.Uni;

/**
 * What every function that makes a job does: the request as the edge read it, accepted for its caller through its
 * operation's admission; the answer a 202 with the job's Location.
 */
@ApplicationScoped
public class AcceptedJobs {

    private final AcceptJob accept;
    private final ProvisionerConfig config;

    public AcceptedJobs(AcceptJob accept, ProvisionerConfig config) {
        this.accept = accept;
        this.config = config;
    }

    public <R extends JobRequest> Uni<CreateVpcEndpointResponse> accept(Admission<R> admission, R bound) {
        Invocation invocation = Invocation.current();
        return Uni.createFrom().deferred(() -> accept.fromCaller(admission,
                invocation.request(bound, admission.requestType()), invocation.caller(admission.operation().action())))
                .invoke(response -> invocation.accepted(response.statusUrl(), config.accept().retryAfterSeconds()));
    }
}
