package io.privatelink.provisioner.job;

import java.util.concurrent.Executor;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs reactive work on a fresh, safe Vert.x duplicated context, which Hibernate Reactive requires; Funqy and the
 * SDK's threads are not such contexts. The work gets an executor that brings it back to that context after a hop
 * elsewhere (the blocking SDK call), so no thread waits for the database, Kafka or the cloud.
 */
@ApplicationScoped
public class ReactiveContext {

    private final Vertx vertx;

    public ReactiveContext(Vertx vertx) {
        this.vertx = vertx;
    }

    public <T> Uni<T> run(Function<Executor, Uni<T>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        // The caller's trace goes along; the new context is this invocation's alone, so its scope is never closed.
        io.opentelemetry.context.Context trace = io.opentelemetry.context.Context.current();
        Executor back = task -> context.runOnContext(ignored -> task.run());
        return Uni.createFrom().<T> emitter(emitter -> context.runOnContext(ignored -> {
            trace.makeCurrent();
            try {
                work.apply(back).subscribe().with(emitter::complete, emitter::fail);
            } catch (RuntimeException e) {
                emitter.fail(e);
            }
        }));
    }
}
