package io.privatelink.provisioner.functions;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.GetVpcEndpointJobRequest;
import io.privatelink.provisioner.api.JobView;
import io.privatelink.provisioner.job.JobRepository;
import io.privatelink.provisioner.job.VpcEndpointJob;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/** Where a job stands: by JobId or by ClientToken. */
public class GetVpcEndpointJobFunction {

    private final JobRepository jobs;
    private final ReactiveContext context;
    private final JobViews views;
    private final ProvisionerConfig config;

    public GetVpcEndpointJobFunction(JobRepository jobs, ReactiveContext context, JobViews views,
            ProvisionerConfig config) {
        this.jobs = jobs;
        this.context = context;
        this.views = views;
        this.config = config;
    }

    @Funq("GetVpcEndpointJob")
    public Uni<JobView> getVpcEndpointJob(GetVpcEndpointJobRequest request) {
        RoutingContext http = HttpExchange.current();
        String jobId = request == null ? null : request.getJobId();
        String clientToken = request == null ? null : request.getClientToken();
        if (blank(jobId) && blank(clientToken)) {
            return Uni.createFrom().failure(ApiErrors.missing("JobId", "JobId or ClientToken is mandatory."));
        }
        return context.run(back -> find(jobId, clientToken)
                .onItem().ifNull().failWith(() -> ApiErrors.jobNotFound(blank(jobId) ? clientToken : jobId))
                .flatMap(job -> jobs.history(job.jobId).map(history -> views.view(job, history))))
                .invoke(view -> {
                    if (http != null && !io.privatelink.provisioner.job.JobStatus.valueOf(view.jobStatus()).isTerminal()) {
                        http.put(HttpExchange.RETRY_AFTER, config.accept().retryAfterSeconds());
                    }
                });
    }

    private Uni<VpcEndpointJob> find(String jobId, String clientToken) {
        return blank(jobId) ? jobs.byClientToken(clientToken) : jobs.byId(jobId);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
