package io.privatelink.provisioner.provisioning;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.privatelink.provisioner.config.ProvisionerConfig;
import io.smallrye.mutiny.Uni;

/**
 * Accepts first. A caller waits on its accept; nobody waits on a provisioning step, which costs the process many
 * times what an accept does (several transactions, events and cloud calls per job). So while accepts are under way,
 * the provisioning work of the same process (the command consumer, the reconciler) waits before each job, until
 * the accepts are done or {@code privatelink.accept.provisioning-yield} has passed: a burst of requests meets the
 * accept path's own pace, the jobs still move (a step per yield at least) and catch up when the burst ends.
 * Where the platform runs the functions apart (push mode), nothing here waits.
 */
@ApplicationScoped
public class AcceptPriority {

    private final Duration yieldAtMost;
    private final AtomicInteger accepting = new AtomicInteger();
    private final Queue<CompletableFuture<Void>> waiting = new ConcurrentLinkedQueue<>();

    @jakarta.inject.Inject
    public AcceptPriority(ProvisionerConfig config) {
        this(config.accept().provisioningYield());
    }

    AcceptPriority(Duration yieldAtMost) {
        this.yieldAtMost = yieldAtMost;
    }

    /** An accept: counted from its subscription to its end, however it ends. */
    public <T> Uni<T> accepting(Supplier<Uni<T>> accept) {
        return Uni.createFrom().deferred(() -> {
            accepting.incrementAndGet();
            return accept.get();
        }).onTermination().invoke(this::done);
    }

    private void done() {
        if (accepting.decrementAndGet() == 0) {
            for (CompletableFuture<Void> calm; (calm = waiting.poll()) != null;) {
                calm.complete(null);
            }
        }
    }

    /** Whether provisioning work should give way now: accepts are under way and the priority is on. */
    public boolean busy() {
        return !yieldAtMost.isZero() && accepting.get() > 0;
    }

    /** A provisioning step's turn: now if no accept is under way, else when they are done or the yield has passed. */
    public Uni<Void> turn() {
        if (!busy()) {
            return Uni.createFrom().voidItem();
        }
        CompletableFuture<Void> calm = new CompletableFuture<>();
        waiting.add(calm);
        if (accepting.get() == 0) {
            calm.complete(null);
        }
        return Uni.createFrom().completionStage(calm)
                .ifNoItem().after(yieldAtMost).recoverWithItem(() -> null)
                .eventually(() -> waiting.remove(calm));
    }
}
