package io.privatelink.provisioner.provisioning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.privatelink.provisioner.api.AcceptancePolicy;
import io.privatelink.provisioner.cloud.ServiceObservation.Connection;

/**
 * What the watch over a managed service's connections does with what it sees, under the service's acceptance policy:
 * a connection it has not seen before that waits for a decision (Disconnected, on a service that does not accept by
 * itself) is a request, accepted at once when the policy accepts its account, else held for a person (told once);
 * a held one still waiting past the policy's RejectAfter is rejected. A decision whose connection still waits is
 * asked for again at each look (the same ClientToken: one job). Pure: the known connections in, the known
 * connections and the decisions out.
 */
final class ConnectionPolicy {

    /** A connection as the watch knows it: its status, since when it waits (a request), what was done about it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Known(@JsonProperty("ConnectionStatus") String status, @JsonProperty("RequestedAt") Instant requestedAt,
            @JsonProperty("Decision") String decision) {
    }

    static final String ACCEPTED = "Accepted";
    static final String HELD = "Held";
    static final String REJECTED = "Rejected";

    /** The connections known after this look, and what is to be done: accepted, held (told), rejected. */
    record Outcome(Map<String, Known> known, List<Connection> accept, List<Connection> hold, List<Connection> reject) {
    }

    private ConnectionPolicy() {
    }

    static Outcome decide(AcceptancePolicy policy, List<String> users, boolean autoAccept, Map<String, Known> before,
            List<Connection> seen, Instant now) {
        AcceptancePolicy rules = policy == null ? new AcceptancePolicy(null, null, null) : policy;
        Map<String, Known> known = new LinkedHashMap<>();
        List<Connection> accept = new ArrayList<>();
        List<Connection> hold = new ArrayList<>();
        List<Connection> reject = new ArrayList<>();
        for (Connection c : seen) {
            Known was = before.get(c.endpointId());
            boolean waiting = "Disconnected".equals(c.status());
            if (was == null && waiting && !autoAccept) {
                boolean accepted = rules.accepts(c.endpointOwnerId(), users);
                (accepted ? accept : hold).add(c);
                known.put(c.endpointId(), new Known(c.status(), now, accepted ? ACCEPTED : HELD));
            } else if (was != null && waiting && (ACCEPTED.equals(was.decision()) || REJECTED.equals(was.decision()))) {
                // Decided, and still waiting: the decision's job asked for again (its ClientToken finds the job made,
                // or makes it when the look that decided died before it could).
                (ACCEPTED.equals(was.decision()) ? accept : reject).add(c);
                known.put(c.endpointId(), was);
            } else if (was != null && HELD.equals(was.decision()) && waiting && rules.rejectAfter() != null
                    && !now.isBefore(was.requestedAt().plusSeconds(rules.rejectAfter()))) {
                reject.add(c);
                known.put(c.endpointId(), new Known(c.status(), was.requestedAt(), REJECTED));
            } else {
                // A held request someone decided on (Connected, or on its way) is no longer held.
                String decision = was == null || HELD.equals(was.decision()) && !waiting ? null : was.decision();
                known.put(c.endpointId(), new Known(c.status(), was == null ? null : was.requestedAt(), decision));
            }
        }
        return new Outcome(known, accept, hold, reject);
    }
}
