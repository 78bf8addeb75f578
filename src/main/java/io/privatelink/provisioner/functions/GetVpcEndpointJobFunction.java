package io.privatelink.provisioner.functions;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.GetVpcEndpointJobRequest;
import io.privatelink.provisioner.api.JobView;
import io.privatelink.provisioner.api.ParameterForms;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.auth.RequestAuthentication;
import io.privatelink.provisioner.job.JobRepository;
import io.privatelink.provisioner.job.VpcEndpointJob;
import io.privatelink.provisioner.provisioning.ProvisionerConfig;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Where a job stands: by JobId or by ClientToken. A caller sees its own jobs (an auditor everyone's); another
 * caller's job answers as if it did not exist.
 */
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
        Caller caller = RequestAuthentication.caller(http);
        if (caller == null) {
            return Uni.createFrom().failure(ApiErrors.missingToken("GetVpcEndpointJob needs an authenticated caller."));
        }
        String jobId = request == null ? null : request.getJobId();
        String clientToken = request == null ? null : request.getClientToken();
        if (blank(jobId) && blank(clientToken)) {
            return Uni.createFrom().failure(ApiErrors.missing("JobId", "JobId or ClientToken is mandatory."));
        }
        if (!blank(jobId) && !ParameterForms.isResourceId(jobId)) {
            return Uni.createFrom().failure(ApiErrors.rule(ApiErrors.ILLEGAL_JOB_ID));
        }
        if (blank(jobId) && !ParameterForms.isClientToken(clientToken)) {
            return Uni.createFrom().failure(ApiErrors.rule(ApiErrors.ILLEGAL_CLIENT_TOKEN));
        }
        return context.run(back -> find(caller, jobId, clientToken)
                .onItem().ifNull().failWith(() -> ApiErrors.jobNotFound(blank(jobId) ? clientToken : jobId))
                .flatMap(job -> jobs.history(job.jobId).map(history -> views.view(job, history))))
                .invoke(view -> {
                    if (http != null && !io.privatelink.provisioner.job.JobStatus.valueOf(view.jobStatus()).isTerminal()) {
                        http.put(HttpExchange.RETRY_AFTER, config.accept().retryAfterSeconds());
                    }
                });
    }

    private Uni<VpcEndpointJob> find(Caller caller, String jobId, String clientToken) {
        return blank(jobId) ? jobs.byClientToken(caller.readScope(), clientToken)
                : jobs.byId(jobId).map(job -> job != null && caller.mayRead(job.owner()) ? job : null);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
