package io.privatelink.provisioner.cloud;

import java.util.Map;

/** The cloud's answer to a create call: the new endpoint's id and the fields it reported (no RequestId). */
public record Creation(String endpointId, Map<String, Object> attributes) {

    public Creation {
        // JSON answers hold nulls, which Map.copyOf refuses.
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }
}
