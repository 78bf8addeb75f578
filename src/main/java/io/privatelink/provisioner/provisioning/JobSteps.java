package io.privatelink.provisioner.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.privatelink.provisioner.job.JobHistoryEntry;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.JobViews;
import io.privatelink.provisioner.job.VpcEndpointJob;

/** Writes a decided {@link Next} step onto the job, with a history row wherever the job changes state. */
@ApplicationScoped
public class JobSteps {

    private final JobViews views;
    private final RetrySchedule schedule;

    public JobSteps(JobViews views, RetrySchedule schedule) {
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
        } else if (next instanceof Next.Active active) {
            // Learned before the move: the job's updatedAt is still the moment it entered Creating.
            schedule.activeAfter(Duration.between(job.updatedAt, now));
            counts(job, active.counts());
            job.endpointJson = views.write(active.endpoint());
            steps.add(job.moveTo(JobStatus.Active, active.detail(), now));
        } else if (next instanceof Next.Fail fail) {
            job.errorCode = fail.code();
            job.errorMessage = fail.message();
            steps.add(job.moveTo(JobStatus.Failed, fail.detail(), now));
        }
    }

    private static void counts(VpcEndpointJob job, Next.PollCounts counts) {
        job.polls = counts.polls();
        job.pollFailures = counts.failuresInARow();
        job.notFoundPolls = counts.notFound();
    }
}
