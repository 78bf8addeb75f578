package io.privatelink.provisioner.functions;

import io.privatelink.provisioner.api.GetVpcEndpointJobRequest;
import io.privatelink.provisioner.api.JobView;
import io.privatelink.provisioner.config.ProvisionerConfig;
import io.privatelink.provisioner.invocation.Invocation;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.provisioning.JobQueries;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;

/** GetVpcEndpointJob: where a job stands, by JobId or by ClientToken, with a Retry-After while it runs. */
public class GetVpcEndpointJobFunction {

    private final JobQueries queries;
    private final ProvisionerConfig config;

    public GetVpcEndpointJobFunction(JobQueries queries, ProvisionerConfig config) {
        this.queries = queries;
        this.config = config;
    }

    @Funq("GetVpcEndpointJob")
    public Uni<JobView> getVpcEndpointJob(GetVpcEndpointJobRequest request) {
        Invocation invocation = Invocation.current();
        return Uni.createFrom().deferred(() -> queries.get(invocation.caller("GetVpcEndpointJob"), request))
                .invoke(view -> {
                    if (!JobStatus.valueOf(view.jobStatus()).isTerminal()) {
                        invocation.running(config.accept().retryAfterSeconds());
                    }
                });
    }
}
