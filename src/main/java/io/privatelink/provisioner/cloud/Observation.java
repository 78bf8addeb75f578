package io.privatelink.provisioner.cloud;

import java.util.Map;

/**
 * What the cloud says an endpoint is now: gone (EndpointNotFound), or there with its status and attributes (no
 * RequestId). An observation is an answer; a call that got none fails with a {@link CloudException} instead.
 */
public record Observation(boolean exists, String status, Map<String, Object> attributes) {

    public static final String ACTIVE = "Active";

    public Observation {
        // JSON answers hold nulls, which Map.copyOf refuses.
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }

    public static Observation gone() {
        return new Observation(false, null, Map.of());
    }

    public boolean isActive() {
        return exists && ACTIVE.equals(status);
    }
}
