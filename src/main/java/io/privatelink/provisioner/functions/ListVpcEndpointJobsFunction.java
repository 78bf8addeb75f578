package io.privatelink.provisioner.functions;

import io.privatelink.provisioner.api.JobSummary;
import io.privatelink.provisioner.api.ListVpcEndpointJobsRequest;
import io.privatelink.provisioner.invocation.Invocation;
import io.privatelink.provisioner.provisioning.JobQueries;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;

/** ListVpcEndpointJobs: the caller's jobs (an auditor's: everyone's), newest first, filtered and paged. */
public class ListVpcEndpointJobsFunction {

    private final JobQueries queries;

    public ListVpcEndpointJobsFunction(JobQueries queries) {
        this.queries = queries;
    }

    @Funq("ListVpcEndpointJobs")
    public Uni<JobSummary> listVpcEndpointJobs(ListVpcEndpointJobsRequest request) {
        return Uni.createFrom().deferred(() -> queries.list(Invocation.current().caller("ListVpcEndpointJobs"), request));
    }
}
