package io.privatelink.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The endpoints the simulated cloud holds, indexed by id and by ClientToken, and the lifecycle that moves them on.
 * Every change is appended to a journal (one JSON line: the endpoint as it now is) before it is answered, so a restart
 * or a kill -9 forgets nothing; a reset empties the journal on purpose.
 */
final class SimulatorState implements AutoCloseable {

    /**
     * How endpoints move: Creating to Active after a delay or a number of polls; Deleting to gone, and a change (a zone,
     * a security group) to done, after {@code deletedAfter}.
     */
    record Lifecycle(Duration activeAfter, int activeAfterPolls, Duration deletedAfter) {
    }

    Duration changeTakes() {
        return lifecycle.deletedAfter();
    }

    private final Lifecycle lifecycle;
    private final Map<String, SimulatedEndpoint> byId = new LinkedHashMap<>();
    private final Map<String, String> idByClientToken = new HashMap<>();
    private final Map<String, Integer> polls = new HashMap<>();
    private final Journal<SimulatedEndpoint> journal;

    SimulatorState(ObjectMapper json, Path journalFile, Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.journal = new Journal<>(json, journalFile, SimulatedEndpoint.class, this::index);
    }

    private void index(SimulatedEndpoint endpoint) {
        byId.put(endpoint.endpointId(), endpoint);
        if (endpoint.clientToken() != null) {
            idByClientToken.put(endpoint.clientToken(), endpoint.endpointId());
        }
    }

    /** The lifecycle status now, or empty when the endpoint is gone (never existed, or deletion finished). */
    synchronized Optional<String> status(SimulatedEndpoint e, Instant now) {
        if (e.deleteTime() != null) {
            return now.isBefore(e.deleteTime().plus(lifecycle.deletedAfter())) ? Optional.of("Deleting") : Optional.empty();
        }
        if (e.stuck()) {
            return Optional.of("Creating");
        }
        boolean active = lifecycle.activeAfterPolls() > 0
                ? polls.getOrDefault(e.endpointId(), 0) > lifecycle.activeAfterPolls()
                : !now.isBefore(e.createTime().plus(lifecycle.activeAfter()));
        return Optional.of(!active ? "Creating" : e.changing(now) ? "Pending" : "Active");
    }

    /** An endpoint that still exists (in any status), counting a poll of it for the polls-based lifecycle. */
    synchronized Optional<SimulatedEndpoint> poll(String endpointId, Instant now) {
        Optional<SimulatedEndpoint> found = existing(endpointId, now);
        found.ifPresent(e -> polls.merge(e.endpointId(), 1, Integer::sum));
        return found;
    }

    synchronized Optional<SimulatedEndpoint> existing(String endpointId, Instant now) {
        SimulatedEndpoint e = endpointId == null ? null : byId.get(endpointId);
        return e == null || status(e, now).isEmpty() ? Optional.empty() : Optional.of(e);
    }

    /** The endpoint a ClientToken made, even if it was deleted since: a token names one endpoint for good. */
    synchronized Optional<SimulatedEndpoint> byClientToken(String clientToken) {
        String id = clientToken == null ? null : idByClientToken.get(clientToken);
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** Endpoints that still exist, oldest first. */
    synchronized List<SimulatedEndpoint> existing(Instant now) {
        List<SimulatedEndpoint> list = new ArrayList<>();
        for (SimulatedEndpoint e : byId.values()) {
            if (status(e, now).isPresent()) {
                list.add(e);
            }
        }
        list.sort(Comparator.comparing(SimulatedEndpoint::createTime).thenComparing(SimulatedEndpoint::endpointId));
        return list;
    }

    /** How many endpoints that still exist match, without sorting them. */
    synchronized long countExisting(Instant now, java.util.function.Predicate<SimulatedEndpoint> matches) {
        long n = 0;
        for (SimulatedEndpoint e : byId.values()) {
            if (matches.test(e) && status(e, now).isPresent()) {
                n++;
            }
        }
        return n;
    }

    /** Every endpoint ever created, deleted ones included. */
    synchronized List<SimulatedEndpoint> everCreated() {
        return List.copyOf(byId.values());
    }

    synchronized void put(SimulatedEndpoint endpoint) {
        journal.append(endpoint);
        index(endpoint);
    }

    synchronized void reset() {
        byId.clear();
        idByClientToken.clear();
        polls.clear();
        journal.reset();
    }

    @Override
    public synchronized void close() {
        journal.close();
    }
}
