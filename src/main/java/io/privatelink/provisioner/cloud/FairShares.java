package io.privatelink.provisioner.cloud;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

/**
 * Shares an account's paced calls between its tenants: the calls of an action that must wait for a slot queue per
 * tenant, and each slot goes to the next tenant in turn that has one waiting (round robin). A tenant's one call behind
 * another tenant's burst of thousands waits for about one slot per tenant with calls waiting, not for the burst. Equal
 * turns, not weights: every call costs the account one slot of its limit, whoever makes it. The slot of a turn is
 * taken from the {@link CallPacer} only when the turn before it comes, so the order is decided at the last moment.
 */
final class FairShares {

    private final CallPacer pacer;
    private final ScheduledExecutorService timer;
    private final Map<String, Turns> byAction = new ConcurrentHashMap<>();

    FairShares(CallPacer pacer, ScheduledExecutorService timer) {
        this.pacer = pacer;
        this.timer = timer;
    }

    /** Completes when a call of {@code action} by {@code share} may go: at once for an action without a limit. */
    Uni<Void> turn(String action, String share) {
        if (!pacer.limits(action)) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(emitter -> turns(action).add(share, emitter));
    }

    /** About how long a call of {@code action} by {@code share} made now would wait for its turn. */
    Duration backlog(String action, String share) {
        Turns turns = byAction.get(action);
        long ahead = turns == null ? 0 : turns.ahead(share);
        return pacer.backlog(action).plus(pacer.interval(action).multipliedBy(ahead));
    }

    private Turns turns(String action) {
        return byAction.computeIfAbsent(action, Turns::new);
    }

    /** The waiting calls of one action, per share, and the order the shares take their turns in. */
    private final class Turns {

        private final String action;
        private final Map<String, ArrayDeque<UniEmitter<? super Void>>> waiting = new HashMap<>();
        /** The shares with calls waiting, the next to go first. */
        private final ArrayDeque<String> order = new ArrayDeque<>();
        private boolean pumping;

        Turns(String action) {
            this.action = action;
        }

        synchronized void add(String share, UniEmitter<? super Void> emitter) {
            waiting.computeIfAbsent(share, s -> {
                order.addLast(s);
                return new ArrayDeque<>();
            }).addLast(emitter);
            if (!pumping) {
                pumping = true;
                pump();
            }
        }

        /** The calls that go before a new one of {@code share}: of each share, as many as this one has, plus one. */
        synchronized long ahead(String share) {
            ArrayDeque<UniEmitter<? super Void>> own = waiting.get(share);
            int mine = own == null ? 0 : own.size();
            long ahead = 0;
            for (ArrayDeque<UniEmitter<? super Void>> queue : waiting.values()) {
                ahead += queue == own ? mine : Math.min(queue.size(), mine + 1);
            }
            return ahead;
        }

        /** Gives the next share in turn the next slot, and comes back when that slot is due. */
        private synchronized void pump() {
            String share = order.pollFirst();
            if (share == null) {
                pumping = false;
                return;
            }
            ArrayDeque<UniEmitter<? super Void>> queue = waiting.get(share);
            UniEmitter<? super Void> next = queue.pollFirst();
            if (queue.isEmpty()) {
                waiting.remove(share);
            } else {
                order.addLast(share);
            }
            long wait = pacer.reserve(action).toNanos();
            timer.schedule(() -> {
                next.complete(null);
                pump();
            }, wait, TimeUnit.NANOSECONDS);
        }
    }
}
