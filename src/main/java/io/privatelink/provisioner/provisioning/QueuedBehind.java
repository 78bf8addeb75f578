package io.privatelink.provisioner.provisioning;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.privatelink.provisioner.job.JobStore;
import io.smallrye.mutiny.Uni;

/**
 * An operation just queued behind an earlier one looks once more whether that one has ended: it read the earlier one
 * as moving before its own queueing committed, and an end committed in between woke the queued jobs without it.
 * Without this look it would wait for the queued recheck (30 s).
 */
final class QueuedBehind {

    private QueuedBehind() {
    }

    /** Runs {@code start} again if the job it queued behind ({@code earlier}; null when it did not) has ended. */
    static Uni<Void> startIfEnded(JobStore jobs, String earlier, Supplier<Uni<Void>> start, Executor back) {
        if (earlier == null) {
            return Uni.createFrom().voidItem();
        }
        return jobs.hasEnded(earlier).emitOn(back)
                .flatMap(ended -> ended ? start.get() : Uni.createFrom().voidItem());
    }
}
