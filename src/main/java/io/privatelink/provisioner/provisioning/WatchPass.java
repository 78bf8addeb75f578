package io.privatelink.provisioner.provisioning;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.privatelink.provisioner.job.ReactiveContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * One pass of a watch over managed resources (the drift watch, the connections' watch): each one claimed looked at on
 * its own context, a few at once; one that fails is logged and left to its lease. Answers how many went through.
 */
final class WatchPass {

    private static final Logger LOG = Logger.getLogger(WatchPass.class);

    private WatchPass() {
    }

    static <T> Uni<Integer> over(List<T> due, int concurrency, ReactiveContext context,
            BiFunction<T, Executor, Uni<Void>> watch, Function<T, String> name) {
        if (due.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom().iterable(due)
                // Each watch answers whether it went through: a Uni<Void>'s null item would be dropped from the
                // stream, and the pass would count nothing.
                .onItem().transformToUni(m -> context.run(back -> watch.apply(m, back)).replaceWith(true)
                        .onFailure().recoverWithItem(e -> {
                            LOG.warnf("watching %s failed: %s", name.apply(m), e.toString());
                            return false;
                        }))
                .merge(concurrency)
                .collect().asList()
                .map(watched -> (int) watched.stream().filter(Boolean::booleanValue).count());
    }
}
