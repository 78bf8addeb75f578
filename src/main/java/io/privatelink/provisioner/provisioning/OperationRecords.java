package io.privatelink.provisioner.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.privatelink.provisioner.job.JobHistoryEntry;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.JobViews;
import io.privatelink.provisioner.job.VpcEndpointJob;

/**
 * What a decided step does to its job, whatever the operation acts on (an endpoint, a connection, a service): queued
 * or started, a change applied, a wait, a failure. The operation's own end (what it leaves managed) is its use case's.
 */
final class OperationRecords {

    private OperationRecords() {
    }

    /**
     * The start as decided: queued behind an earlier job (false), started with its deadline and a lease on its first
     * step (true), or neither (null: an end, the caller's to record).
     */
    static Boolean started(VpcEndpointJob job, List<JobHistoryEntry> steps, OperationStep next, Supplier<String> detail,
            Duration lease, Instant now) {
        if (next instanceof OperationStep.Queue queue) {
            if (job.status != JobStatus.Queued) {
                steps.add(job.moveTo(JobStatus.Queued, "behind job " + queue.behind(), now));
            }
            job.nextAttemptAt = queue.at();
            return false;
        }
        if (next instanceof OperationStep.Start start) {
            job.deadlineAt = start.deadlineAt();
            job.nextAttemptAt = now.plus(lease);
            steps.add(job.moveTo(job.operation.working(), detail.get(), now));
            return true;
        }
        return null;
    }

    /**
     * A change applied (recorded in {@code status}, with {@code detail} or the step's name) or a wait: true; anything
     * else is the operation's end, false.
     */
    static boolean progressed(VpcEndpointJob job, List<JobHistoryEntry> steps, OperationStep next, JobStatus status,
            String detail, JobViews views, Instant now) {
        if (next instanceof OperationStep.Applied applied) {
            List<String> done = new ArrayList<>(views.strings(job.appliedJson));
            done.add(applied.step());
            job.appliedJson = views.write(done);
            job.attempts++;
            job.pollFailures = 0;
            job.nextAttemptAt = applied.at();
            steps.add(job.moveTo(status, detail != null ? detail : applied.step(), now));
            return true;
        }
        if (next instanceof OperationStep.Wait wait) {
            job.polls++;
            job.pollFailures = wait.failed() ? job.pollFailures + 1 : 0;
            job.nextAttemptAt = wait.at();
            return true;
        }
        return false;
    }

    /** A failure recorded, with its Code and Message: true; false for any other step. */
    static boolean failed(VpcEndpointJob job, List<JobHistoryEntry> steps, OperationStep next, Instant now) {
        if (!(next instanceof OperationStep.Fail fail)) {
            return false;
        }
        job.errorCode = fail.code();
        job.errorMessage = fail.message();
        steps.add(job.moveTo(JobStatus.Failed, fail.detail(), now));
        return true;
    }
}
