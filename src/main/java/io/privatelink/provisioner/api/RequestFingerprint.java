package io.privatelink.provisioner.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
        StringBuilder canonical = new StringBuilder();
        normal.forEach((k, v) -> canonical.append(k).append('=').append(v).append('\n'));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
