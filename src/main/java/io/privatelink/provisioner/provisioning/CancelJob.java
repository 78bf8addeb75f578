package io.privatelink.provisioner.provisioning;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.ApiException;
import io.privatelink.provisioner.api.CancelVpcEndpointJobRequest;
import io.privatelink.provisioner.api.JobView;
import io.privatelink.provisioner.api.ParameterForms;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.job.JobStore;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.JobViews;
import io.privatelink.provisioner.job.ReactiveContext;
import io.privatelink.provisioner.messaging.JobEventPublisher;
import io.smallrye.mutiny.Uni;

/**
 * CancelVpcEndpointJob: a job of the caller's that has not reached the cloud (Accepted, or Queued behind another
 * operation) ends Cancelled; one that has is refused. Answered at once with the job as it now stands: whether it has
 * reached the cloud is decided under its lock.
 */
@ApplicationScoped
public class CancelJob {

    private final JobStore jobs;
    private final ReactiveContext context;
    private final JobViews views;
    private final FailureClassifier failures;
    private final JobEventPublisher events;
    private final Clock clock;

    public CancelJob(JobStore jobs, ReactiveContext context, JobViews views, FailureClassifier failures,
            JobEventPublisher events, Clock clock) {
        this.jobs = jobs;
        this.context = context;
        this.views = views;
        this.failures = failures;
        this.events = events;
        this.clock = clock;
    }

    public Uni<JobView> cancel(CancelVpcEndpointJobRequest request, Caller caller) {
        String jobId = request == null ? null : request.jobId();
        if (jobId == null || jobId.isBlank()) {
            return Uni.createFrom().failure(ApiErrors.missing("JobId", "JobId is mandatory for this action."));
        }
        if (!ParameterForms.isResourceId(jobId)) {
            return Uni.createFrom().failure(ApiErrors.rule(ApiErrors.ILLEGAL_JOB_ID));
        }
        return context.run(back -> jobs.byId(jobId).flatMap(found -> {
            if (found == null || !caller.owner().equals(found.owner())) {
                return Uni.createFrom().<JobStore.WithHistory> failure(ApiErrors.jobNotFound(jobId));
            }
            if (request.isDryRun()) {
                return Uni.createFrom().<JobStore.WithHistory> failure(
                        found.status.beforeTheCloud() || found.status == JobStatus.Cancelled ? ApiErrors.dryRunPassed()
                                : ApiErrors.jobReachedCloud(jobId, found.status.name()));
            }
            return cancelled(jobId);
        }).map(views::view)
                .onFailure(e -> !(e instanceof ApiException)).transform(e -> failures.toApi(e, "CancelVpcEndpointJob")));
    }

    /** The job moved to Cancelled under its lock, with its history; refused when it reached the cloud meanwhile. */
    private Uni<JobStore.WithHistory> cancelled(String jobId) {
        return events.after(jobs.update(jobId, (job, steps) -> {
            if (job.status.beforeTheCloud()) {
                steps.add(job.moveTo(JobStatus.Cancelled, "cancelled by CancelVpcEndpointJob", clock.instant()));
                return true;
            }
            return job.status == JobStatus.Cancelled;
        }), jobId).flatMap(cancelled -> Boolean.TRUE.equals(cancelled) ? jobs.withHistory(jobId)
                : jobs.byId(jobId).flatMap(now -> Uni.createFrom().<JobStore.WithHistory> failure(
                        ApiErrors.jobReachedCloud(jobId, now.status.name()))));
    }
}
