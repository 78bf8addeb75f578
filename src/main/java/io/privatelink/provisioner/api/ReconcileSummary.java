package io.privatelink.provisioner.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What one reconciler pass did: the due jobs it claimed, the commands it sent again, the endpoints it polled. */
public record ReconcileSummary(@JsonProperty("Claimed") int claimed, @JsonProperty("Resent") long resent,
        @JsonProperty("Polled") long polled) {
}
