package io.privatelink.provisioner.drivers;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.privatelink.provisioner.config.Every;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * A task run every period on a Vert.x timer, one run at a time (a tick that comes while a run is under way is
 * skipped), until stopped; and sooner when asked (work due before the next tick). Quarkus' scheduler has neither: it
 * rounds a period under a second up to a second and runs only on its ticks.
 */
final class Ticker {

    private static final Logger LOG = Logger.getLogger(Ticker.class);

    private final Vertx vertx;
    private final Duration period;
    private final long timer;
    private final String name;
    private final Supplier<Uni<?>> task;
    private final AtomicBoolean running = new AtomicBoolean();
    /** A run asked for while one was under way: it follows at once. */
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean paused;
    private long early = -1;
    private long earlyAt;
    /** When the last run started (System.nanoTime): early runs keep a fifth of the period apart. */
    private volatile long lastStart = System.nanoTime() - Duration.ofDays(1).toNanos();

    private Ticker(Vertx vertx, Duration period, String name, Supplier<Uni<?>> task) {
        this.vertx = vertx;
        this.period = period;
        this.name = name;
        this.task = task;
        this.timer = vertx.setPeriodic(Math.max(1, period.toMillis()), id -> tick());
    }

    /** Starts the task every period the setting names; none when it says "off". */
    static Optional<Ticker> start(Vertx vertx, String every, String name, Supplier<Uni<?>> task) {
        return Every.period(every).map(period -> new Ticker(vertx, period, name, task));
    }

    /**
     * A run in {@code delay} as well, when that comes before the next tick; asks made meanwhile for later runs are
     * folded into the earliest.
     */
    synchronized void soon(Duration delay) {
        if (delay.compareTo(period) >= 0) {
            return;
        }
        long at = System.nanoTime() + delay.toNanos();
        if (early != -1) {
            if (earlyAt <= at) {
                return;
            }
            vertx.cancelTimer(early);
        }
        earlyAt = at;
        early = vertx.setTimer(Math.max(1, delay.toMillis()), id -> {
            synchronized (this) {
                early = -1;
            }
            run(true);
        });
    }

    private void tick() {
        run(false);
    }

    private void run(boolean asked) {
        if (paused) {
            return;
        }
        // Under a stream of asks (a busy account's jobs each due within the period), early runs would follow each
        // other back to back; a fifth of the period between them bounds the passes and leaves the CPU to the work.
        long wait = lastStart + period.toNanos() / 5 - System.nanoTime();
        if (asked && wait > 0) {
            soon(Duration.ofNanos(wait));
            return;
        }
        if (!running.compareAndSet(false, true)) {
            if (asked) {
                again.set(true);
            }
            return;
        }
        lastStart = System.nanoTime();
        try {
            task.get().subscribe().with(done -> ran(), failure -> {
                LOG.warnf("%s pass failed: %s", name, failure.toString());
                ran();
            });
        } catch (RuntimeException e) {
            LOG.warnf("%s pass failed: %s", name, e.toString());
            ran();
        }
    }

    private void ran() {
        running.set(false);
        if (again.getAndSet(false)) {
            run(true);
        }
    }

    void pause() {
        paused = true;
    }

    void resume() {
        paused = false;
    }

    synchronized void stop() {
        vertx.cancelTimer(timer);
        if (early != -1) {
            vertx.cancelTimer(early);
        }
    }
}
