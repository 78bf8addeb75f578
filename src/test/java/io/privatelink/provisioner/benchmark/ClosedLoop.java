package io.privatelink.provisioner.benchmark;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import io.vertx.core.Future;

/**
 * {@code concurrency} callers, each sending its next request as soon as the last one answered, for a while: the
 * throughput and latencies of a service under that many requests in flight.
 */
final class ClosedLoop {

    /** What one run measured. */
    record Run(int concurrency, double seconds, Recorder recorder) {
        double perSecond() {
            return recorder.count() / seconds;
        }
    }

    private ClosedLoop() {
    }

    /** @param call one request; its outcome (e.g. the HTTP status) names what happened */
    static Run run(int concurrency, Duration duration, Supplier<Future<String>> call) throws InterruptedException {
        Recorder recorder = new Recorder();
        CountDownLatch done = new CountDownLatch(concurrency);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (int i = 0; i < concurrency; i++) {
            next(call, recorder, end, done);
        }
        done.await();
        return new Run(concurrency, (System.nanoTime() - start) / 1e9, recorder);
    }

    private static void next(Supplier<Future<String>> call, Recorder recorder, long end, CountDownLatch done) {
        long sent = System.nanoTime();
        call.get().onComplete(result -> {
            recorder.record(System.nanoTime() - sent, result.succeeded() ? result.result() : "error");
            if (System.nanoTime() < end) {
                next(call, recorder, end, done);
            } else {
                done.countDown();
            }
        });
    }
}
