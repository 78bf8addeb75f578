package io.privatelink.provisioner.callbacks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.privatelink.provisioner.config.CallbacksConfig;
import io.privatelink.provisioner.job.Callback;
import io.privatelink.provisioner.job.CallbackAttempt;
import io.privatelink.provisioner.job.CallbackOutbox;
import io.privatelink.provisioner.job.JobHistoryEntry;
import io.privatelink.provisioner.job.JobObserver;
import io.privatelink.provisioner.job.VpcEndpointJob;
import io.smallrye.mutiny.Uni;

/**
 * Delivers the callbacks' outbox: claims the deliveries due (each job's in order, no more of a receiver than its free
 * connections), makes each attempt on its own, records it and what it means ({@link DeliveryDecisions}) with the
 * others that end meanwhile. A state change that wrote a callback starts a pass at once, as does each answer and each
 * recorded attempt; the timer's passes take what is left (retries, a crashed process's leases). A slow receiver holds
 * its own few connections and attempts, never a pass.
 */
@ApplicationScoped
public class DeliverCallbacks implements JobObserver {

    private static final Logger LOG = Logger.getLogger(DeliverCallbacks.class);

    private final CallbackOutbox outbox;
    private final CallbackAttempts sender;
    private final DeliveryDecisions decisions;
    private final CallbacksConfig config;
    private final MeterRegistry registry;
    private final Timer latency;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, AtomicInteger> perHost = new ConcurrentHashMap<>();
    private final AtomicBoolean passing = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    private final Clock clock;

    public DeliverCallbacks(CallbackOutbox outbox, CallbackAttempts sender, CallbacksConfig config,
            MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.sender = sender;
        this.config = config;
        this.registry = registry;
        this.decisions = new DeliveryDecisions(config, () -> ThreadLocalRandom.current().nextDouble());
        this.latency = Timer.builder("privatelink.callbacks.latency")
                .description("From the state change to its callback's 2xx").publishPercentileHistogram()
                .register(registry);
    }

    @Override
    public void committed(VpcEndpointJob job, List<JobHistoryEntry> steps) {
        if (steps.stream().anyMatch(step -> job.notifies(step.jobStatus))) {
            wake();
        }
    }

    /** A pass soon: at once, or right after the one under way (wake-ups in between make one pass). */
    public void wake() {
        if (!passing.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        pass(false).subscribe().with(claimed -> passed(), failure -> {
            LOG.warnf("callback pass failed: %s", failure.toString());
            passed();
        });
    }

    private void passed() {
        passing.set(false);
        if (again.getAndSet(false)) {
            wake();
        }
    }

    /**
     * One pass: the due deliveries claimed and started; with {@code wait} (a function's invocation) it ends when
     * their attempts have, otherwise at once. Answers how many it claimed.
     */
    public Uni<Integer> pass(boolean wait) {
        int room = config.inFlight() - inFlight.get();
        if (room <= 0) {
            return Uni.createFrom().item(0);
        }
        Instant now = clock.instant();
        Map<String, Integer> underWay = perHost.entrySet().stream().filter(e -> e.getValue().get() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
        return outbox.claimDue(now, room, config.connectionsPerHost(), underWay,
                now.plus(config.attemptTimeout()).plus(config.leaseMargin()))
                .flatMap(claimed -> {
                    List<Uni<Void>> attempts = claimed.stream().map(this::deliver).toList();
                    if (attempts.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    Uni<Void> all = Uni.join().all(attempts).andCollectFailures().replaceWithVoid();
                    if (wait) {
                        return all.replaceWith(claimed.size());
                    }
                    all.subscribe().with(done -> {
                    }, failure -> {
                    });
                    return Uni.createFrom().item(claimed.size());
                });
    }

    private Uni<Void> deliver(Callback callback) {
        inFlight.incrementAndGet();
        AtomicInteger host = perHost.computeIfAbsent(callback.host, h -> new AtomicInteger());
        host.incrementAndGet();
        Instant started = clock.instant();
        AtomicBoolean connectionFree = new AtomicBoolean();
        // The receiver's connection is free once its answer came, before the attempt is recorded (still leased).
        Runnable freeConnection = () -> {
            if (connectionFree.compareAndSet(false, true)) {
                host.decrementAndGet();
                wake();
            }
        };
        return sender.attempt(callback)
                .invoke(freeConnection)
                .flatMap(result -> record(callback, result, started))
                .onFailure().invoke(e -> LOG.warnf("callback %d of job %s not recorded (%s); it is tried again",
                        callback.id, callback.jobId, e.toString()))
                .onFailure().recoverWithNull()
                .eventually(() -> {
                    freeConnection.run();
                    inFlight.decrementAndGet();
                    wake();
                });
    }

    private Uni<Void> record(Callback callback, DeliveryDecisions.Result result, Instant started) {
        Instant now = clock.instant();
        DeliveryDecisions.Decision decision = decisions.after(result, callback.attempts + 1, callback.createdAt, now);
        CallbackAttempt attempt = new CallbackAttempt();
        attempt.at = started;
        attempt.millis = (int) Duration.between(started, now).toMillis();
        if (result instanceof DeliveryDecisions.Answered answered) {
            attempt.status = answered.status();
        } else {
            attempt.error = ((DeliveryDecisions.NoAnswer) result).error();
        }
        String outcome = decision.outcome() == null ? "retry" : decision.outcome().name();
        registry.counter("privatelink.callbacks.attempts", "outcome", outcome).increment();
        if (decision.outcome() == Callback.Outcome.Delivered) {
            latency.record(Duration.between(callback.createdAt, now));
        } else {
            LOG.infof("callback %d of job %s to %s: %s, %s", callback.id, callback.jobId, callback.host,
                    attempt.status != null ? "HTTP " + attempt.status : attempt.error,
                    decision.outcome() == null ? "again at " + decision.nextAttemptAt() : decision.outcome());
        }
        return outbox.attempted(new CallbackOutbox.Attempted(callback.id, attempt, decision.outcome(),
                decision.nextAttemptAt()));
    }
}
