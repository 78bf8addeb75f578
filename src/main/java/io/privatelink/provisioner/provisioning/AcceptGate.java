package io.privatelink.provisioner.provisioning;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.privatelink.provisioner.config.ProvisionerConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Lets a bounded number of accepts use the database at once; the others wait their turn in memory, without a thread.
 * A burst of requests then cannot take every pooled connection, and the consumers and the reconciler, which move the
 * accepted jobs on, always find one. A waiting accept runs on its own Vert.x context, as Hibernate Reactive needs,
 * and one given up (its timeout passed) before its turn never runs.
 */
@ApplicationScoped
public class AcceptGate {

    private final int permits;
    private final AtomicInteger running = new AtomicInteger();
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    @jakarta.inject.Inject
    public AcceptGate(ProvisionerConfig config) {
        this(config.accept().maxConcurrent());
    }

    AcceptGate(int permits) {
        this.permits = permits;
    }

    public <T> Uni<T> admit(Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = Vertx.currentContext();
            AtomicBoolean over = new AtomicBoolean();
            emitter.onTermination(() -> over.set(true));
            Runnable turn = () -> {
                if (over.get()) {
                    release();
                    return;
                }
                Runnable run = () -> work.get().subscribe().with(item -> {
                    release();
                    emitter.complete(item);
                }, failure -> {
                    release();
                    emitter.fail(failure);
                });
                if (context != null && Vertx.currentContext() != context) {
                    context.runOnContext(v -> run.run());
                } else {
                    run.run();
                }
            };
            waiting.add(turn);
            pump();
        });
    }

    private void release() {
        running.decrementAndGet();
        pump();
    }

    private void pump() {
        while (!waiting.isEmpty()) {
            int n = running.get();
            if (n >= permits) {
                return;
            }
            if (!running.compareAndSet(n, n + 1)) {
                continue;
            }
            Runnable next = waiting.poll();
            if (next == null) {
                running.decrementAndGet();
                continue;
            }
            next.run();
        }
    }
}
