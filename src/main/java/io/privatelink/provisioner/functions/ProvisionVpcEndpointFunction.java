package io.privatelink.provisioner.functions;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executor;

import io.privatelink.provisioner.api.ProvisionCommand;
import io.privatelink.provisioner.cloud.CloudException;
import io.privatelink.provisioner.cloud.PrivateLinkClient;
import io.privatelink.provisioner.job.JobRepository;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.VpcEndpointJob;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;

/**
 * Makes a job's CreateVpcEndpoint call with the job's cloud token as ClientToken and records the outcome. Idempotent:
 * a command for a job past Provisioning does nothing, and a repeated call reuses the token, so the cloud makes one
 * endpoint.
 */
public class ProvisionVpcEndpointFunction {

    /** One create call about to be made. */
    private record Attempt(String jobId, String cloudToken, Map<String, String> parameters, int number) {
    }

    private final JobRepository jobs;
    private final PrivateLinkClient cloud;
    private final ReactiveContext context;
    private final JobViews views;
    private final RetrySchedule schedule;
    private final ProvisionerConfig config;
    private final JobEventPublisher events;

    public ProvisionVpcEndpointFunction(JobRepository jobs, PrivateLinkClient cloud, ReactiveContext context,
            JobViews views, RetrySchedule schedule, ProvisionerConfig config, JobEventPublisher events) {
        this.events = events;
        this.jobs = jobs;
        this.cloud = cloud;
        this.context = context;
        this.views = views;
        this.schedule = schedule;
        this.config = config;
    }

    @Funq("ProvisionVpcEndpoint")
    public Uni<Void> provisionVpcEndpoint(ProvisionCommand command) {
        if (command == null || command.jobId() == null) {
            return Uni.createFrom().failure(io.privatelink.provisioner.api.ApiErrors.missing("JobId",
                    "A ProvisionCommand needs its JobId."));
        }
        return context.run(back -> events.after(begin(command.jobId()), command.jobId())
                .flatMap(attempt -> attempt == null ? Uni.createFrom().voidItem()
                        : events.after(call(attempt, back), attempt.jobId())));
    }

    private Uni<Attempt> begin(String jobId) {
        Instant now = Instant.now();
        return jobs.update(jobId, (job, steps) -> {
            if (job.status != JobStatus.Accepted && job.status != JobStatus.Provisioning) {
                return null;
            }
            Tracing.tag(job);
            job.attempts++;
            steps.add(job.moveTo(JobStatus.Provisioning, "attempt " + job.attempts, now));
            job.nextAttemptAt = now.plus(config.retry().callLease());
            return new Attempt(job.jobId, job.cloudToken, views.request(job).cloudParameters(), job.attempts);
        });
    }

    private Uni<Void> call(Attempt attempt, Executor back) {
        return cloud.createVpcEndpoint(attempt.parameters(), attempt.cloudToken(), false)
                .emitOn(back)
                .onItemOrFailure().transformToUni((endpoint, failure) -> jobs.update(attempt.jobId(), (job, steps) -> {
                    if (job.status != JobStatus.Provisioning) {
                        return null;
                    }
                    Instant now = Instant.now();
                    if (failure == null) {
                        job.endpointId = String.valueOf(endpoint.get("EndpointId"));
                        endpoint.remove("RequestId");
                        job.endpointJson = views.write(endpoint);
                        job.polls = 0;
                        job.notFoundPolls = 0;
                        job.nextAttemptAt = now.plus(schedule.firstPoll());
                        steps.add(job.moveTo(JobStatus.Creating, "EndpointId " + job.endpointId, now));
                        return null;
                    }
                    CloudException error = failure instanceof CloudException ce ? ce
                            : new CloudException("SDK.ServerUnreachable", failure.toString(), 0, null);
                    String detail = "attempt " + attempt.number() + " failed: " + error.code() + ": " + error.getMessage();
                    boolean pastDeadline = now.isAfter(job.createdAt.plus(config.retry().createDeadline()));
                    if (error.isRetryable() && !pastDeadline) {
                        job.nextAttemptAt = now.plus(schedule.afterFailedAttempt(attempt.number()));
                        steps.add(job.moveTo(JobStatus.Provisioning, detail + "; next attempt at " + job.nextAttemptAt, now));
                        return null;
                    }
                    job.errorCode = error.isRetryable() ? "ProvisioningTimeout" : error.code();
                    job.errorMessage = error.isRetryable()
                            ? "The create call kept failing past the deadline; last error " + error.code() + ": " + error.getMessage()
                            : error.getMessage();
                    steps.add(job.moveTo(JobStatus.Failed, detail, now));
                    return null;
                }))
                .replaceWithVoid();
    }
}
