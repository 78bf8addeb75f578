package io.privatelink.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reading an RPC request's flattened parameters (moto's responses layer): required ones, indexed lists and objects
 * (SecurityGroupId.1, Zone.1.VSwitchId), filters, and what a ClientToken stands for.
 */
final class RpcParameters {

    /** Parameters that are part of the protocol, not of the request an idempotency token stands for. */
    private static final Set<String> PROTOCOL_PARAMETERS = Set.of("AccessKeyId", "Action", "Format", "Signature",
            "SignatureMethod", "SignatureNonce", "SignatureType", "SignatureVersion", "Timestamp", "Version",
            "SecurityToken", "ClientToken", "DryRun");

    private RpcParameters() {
    }

    static List<String> indexed(Map<String, String> p, String prefix) {
        List<String> values = new ArrayList<>();
        for (int i = 1; p.containsKey(prefix + i); i++) {
            values.add(p.get(prefix + i));
        }
        return values;
    }

    static List<Map<String, String>> indexedObjects(Map<String, String> p, String prefix) {
        List<Map<String, String>> objects = new ArrayList<>();
        for (int i = 1;; i++) {
            String itemPrefix = prefix + i + ".";
            Map<String, String> item = new TreeMap<>();
            p.forEach((k, v) -> {
                if (k.startsWith(itemPrefix)) {
                    item.put(k.substring(itemPrefix.length()), v);
                }
            });
            if (item.isEmpty()) {
                return objects;
            }
            objects.add(item);
        }
    }

    static String required(Map<String, String> p, String name) {
        String value = p.get(name);
        if (value == null || value.isEmpty()) {
            throw SeedErrors.missing(name);
        }
        return value;
    }

    /** What a ClientToken stands for: every API parameter, in a fixed order, the protocol's own left out. */
    /** A change's ClientToken with what it stood for ("token=action:signature"), as a resource keeps it. */
    static String signedChange(Map<String, String> p, String action) {
        return p.get("ClientToken") + "=" + action + ":" + requestSignature(p);
    }

    /**
     * Whether a change's ClientToken was used before on this resource: true for the same request again (answered
     * without doing it twice); IdempotenceSignatureMismatch for another request under it; false for a new token.
     */
    static boolean replayed(List<String> used, String token, String signed) {
        if (token == null) {
            return false;
        }
        Optional<String> before = used.stream().filter(t -> t.startsWith(token + "=")).findFirst();
        if (before.isPresent() && !before.get().equals(signed)) {
            throw SeedErrors.of("IdempotenceSignatureMismatch");
        }
        return before.isPresent();
    }

    /** An optional integer parameter within bounds; null when absent. */
    static Integer boundedInt(Map<String, String> p, String name, int min, int max) {
        String text = p.get(name);
        if (text == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw SeedErrors.of("InvalidParameter", name, ": " + min + " to " + max);
    }

    static String requestSignature(Map<String, String> p) {
        return new TreeMap<>(p).entrySet().stream()
                .filter(e -> !PROTOCOL_PARAMETERS.contains(e.getKey()))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    }

    /** Whether the request leaves the filter out or names this very value. */
    static boolean eq(Map<String, String> p, String name, String value) {
        return p.get(name) == null || p.get(name).equals(value);
    }
}
