package io.privatelink.provisioner.benchmark;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import io.vertx.core.Future;

/**
 * Requests sent at a fixed rate for a while, whatever the answers' pace: what callers arriving on their own meet. Each
 * latency counts from the moment its request was due, so a stall shows in every request it held back.
 */
final class OpenLoop {

    private OpenLoop() {
    }

    /** @param call one request; its outcome (e.g. the HTTP status) names what happened */
    static Recorder run(int perSecond, Duration duration, Supplier<Future<String>> call) throws InterruptedException {
        Recorder recorder = new Recorder();
        long interval = 1_000_000_000L / perSecond;
        int requests = (int) (duration.toNanos() / interval);
        CountDownLatch answered = new CountDownLatch(requests);
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            long due = start + i * interval;
            LockSupport.parkNanos(due - System.nanoTime());
            call.get().onComplete(result -> {
                recorder.record(System.nanoTime() - due, result.succeeded() ? result.result() : "error");
                answered.countDown();
            });
        }
        answered.await();
        return recorder;
    }
}
