package io.privatelink.provisioner.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a ClientToken stands for: the request after normalisation (flattened, sorted, defaults made explicit), so that
 * field order or an omitted default does not make the same request look different.
 */
public final class RequestFingerprint {

    private static final Map<String, String> DEFAULTS = Map.of(
            "EndpointType", "Interface",
            "AddressIpVersion", "IPv4",
            "ZoneAffinityEnabled", "false",
            "ProtectedEnabled", "false",
            "ZonePrivateIpAddressCount", "1");

    private RequestFingerprint() {
    }

    public static String of(CreateVpcEndpointRequest request) {
        Map<String, String> normal = new TreeMap<>(DEFAULTS);
        normal.putAll(request.cloudParameters());
        if (request.deadline() != null) {
            // Only when given, so that the fingerprints of requests without one stay what they were.
            normal.put("Deadline", request.deadline().toString());
        }
        if (request.account() != null) {
            normal.put("Account", request.account());
        }
        if (request.waitFor() != null) {
            normal.put("WaitFor", request.waitFor());
        }
        if (request.acceptanceDeadline() != null) {
            normal.put("AcceptanceDeadline", request.acceptanceDeadline().toString());
        }
        StringBuilder canonical = new StringBuilder();
        normal.forEach((k, v) -> canonical.append(k).append('=').append(v).append('\n'));
        return sha256(canonical.toString());
    }

    /**
     * An operation's request: its action and its parameters as JSON in their declared order, ClientToken, DryRun and
     * where to notify left out (a create's and a delete's under one token never look alike).
     */
    public static String of(String action, JobRequest request) {
        com.fasterxml.jackson.databind.node.ObjectNode fields = CANONICAL.valueToTree(request);
        fields.remove(List.of("ClientToken", "DryRun", "NotificationUrl", "NotifyOn"));
        return sha256(action + "\n" + fields);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper CANONICAL =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private static String sha256(String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
