package io.privatelink.provisioner.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.privatelink.provisioner.api.EndpointSpec;
import io.privatelink.provisioner.config.DriftConfig;
import io.privatelink.provisioner.job.JobHistoryEntry;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.JobViews;
import io.privatelink.provisioner.job.ManagedEndpoint;
import io.privatelink.provisioner.job.VpcEndpointJob;

/** Writes a decided {@link Next} step onto the job, with a history row wherever the job changes state. */
@ApplicationScoped
public class JobSteps {

    private final JobViews views;
    private final RetrySchedule schedule;
    private final DriftConfig drift;

    public JobSteps(JobViews views, RetrySchedule schedule, DriftConfig drift) {
        this.drift = drift;
        this.views = views;
        this.schedule = schedule;
    }

    public void record(VpcEndpointJob job, List<JobHistoryEntry> steps, Next next, Instant now) {
        if (next instanceof Next.Creating creating) {
            job.endpointId = creating.endpointId();
            job.endpointJson = views.write(creating.endpoint());
            job.polls = 0;
            job.notFoundPolls = 0;
            job.nextAttemptAt = creating.firstPollAt();
            steps.add(job.moveTo(JobStatus.Creating, "EndpointId " + job.endpointId, now));
        } else if (next instanceof Next.RetryCreate retry) {
            job.nextAttemptAt = retry.at();
            JobHistoryEntry step = job.moveTo(JobStatus.Provisioning, retry.detail(), now);
            step.retriedCode = retry.code();
            steps.add(step);
        } else if (next instanceof Next.PollAgain poll) {
            counts(job, poll.counts());
            job.endpointJson = poll.endpoint() == null ? job.endpointJson : views.write(poll.endpoint());
            job.nextAttemptAt = poll.at();
        } else if (next instanceof Next.AwaitAcceptance waiting) {
            learnActive(job, job.polls + 1, now);
            counts(job, waiting.counts());
            job.endpointJson = views.write(waiting.endpoint());
            job.nextAttemptAt = waiting.at();
            steps.add(job.moveTo(JobStatus.AwaitingAcceptance, waiting.detail(), now));
        } else if (next instanceof Next.Active active) {
            learnActive(job, active.counts().polls(), now);
            counts(job, active.counts());
            job.endpointJson = views.write(active.endpoint());
            steps.add(job.moveTo(JobStatus.Active, active.detail(), now));
            job.managedWrite = managed(job, views.write(EndpointSpec.of(views.request(job))), active.endpoint(), now);
        } else if (next instanceof Next.Fail fail) {
            job.endpointJson = fail.endpoint() == null ? job.endpointJson : views.write(fail.endpoint());
            job.errorCode = fail.code();
            job.errorMessage = fail.message();
            steps.add(job.moveTo(JobStatus.Failed, fail.detail(), now));
        }
    }

    /** The endpoint a create or adopt job brought under management, keyed by that job's JobId. */
    ManagedEndpoint managed(VpcEndpointJob job, String desiredJson, Object observed, Instant now) {
        ManagedEndpoint m = new ManagedEndpoint();
        m.resourceKey = job.jobId;
        m.account = job.account;
        m.regionId = job.regionId;
        m.endpointId = job.endpointId;
        m.callerSubject = job.callerSubject;
        m.callerTenant = job.callerTenant;
        m.status = ManagedEndpoint.Status.Active;
        m.desiredJson = desiredJson;
        m.observedJson = views.write(observed);
        m.observedAt = now;
        // Each endpoint at its own offset in the drift period, so that the watch never observes them all at once.
        m.nextObserveAt = now.plusMillis(java.util.concurrent.ThreadLocalRandom.current()
                .nextLong(Math.max(1, drift.every().toMillis())));
        m.createdAt = now;
        m.updatedAt = now;
        return m;
    }

    /**
     * How long the endpoint took to turn Active, learned before the job moves on (its updatedAt is still the moment
     * it entered Creating); never from a job that waited for a person.
     */
    private void learnActive(VpcEndpointJob job, int polls, Instant now) {
        if (job.status == JobStatus.Creating) {
            schedule.activeAfter(job.account, Duration.between(job.updatedAt, now), polls);
        }
    }

    private static void counts(VpcEndpointJob job, Next.PollCounts counts) {
        job.polls = counts.polls();
        job.pollFailures = counts.failuresInARow();
        job.notFoundPolls = counts.notFound();
    }
}
