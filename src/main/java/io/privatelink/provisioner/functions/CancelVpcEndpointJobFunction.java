package io.privatelink.provisioner.functions;

import io.privatelink.provisioner.api.CancelVpcEndpointJobRequest;
import io.privatelink.provisioner.api.JobView;
import io.privatelink.provisioner.invocation.Invocation;
import io.privatelink.provisioner.provisioning.CancelJob;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;

/** CancelVpcEndpointJob: a job that has not reached the cloud stopped (200 with the job), or the refusal. */
public class CancelVpcEndpointJobFunction {

    private final CancelJob cancel;

    public CancelVpcEndpointJobFunction(CancelJob cancel) {
        this.cancel = cancel;
    }

    @Funq("CancelVpcEndpointJob")
    public Uni<JobView> cancelVpcEndpointJob(CancelVpcEndpointJobRequest request) {
        Invocation invocation = Invocation.current();
        return Uni.createFrom().deferred(() -> cancel.cancel(invocation.request(request, CancelVpcEndpointJobRequest.class),
                invocation.caller("CancelVpcEndpointJob")));
    }
}
