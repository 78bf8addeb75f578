package io.privatelink.simulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signature V1 written again from the documented algorithm, with none of the SDK's code, so that a mistake shared by
 * the SDK's signer and the simulator's verifier (which uses the SDK's) cannot hide.
 */
final class IndependentSigner {

    private IndependentSigner() {
    }

    static String percentEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    static String signature(String method, Map<String, String> params, String secret) {
        String canonical = new TreeMap<>(params).entrySet().stream()
                .map(e -> percentEncode(e.getKey()) + "=" + percentEncode(e.getValue()))
                .collect(Collectors.joining("&"));
        String stringToSign = method + "&" + percentEncode("/") + "&" + percentEncode(canonical);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The common parameters of a call, as a client adds them. */
    static Map<String, String> common(String action, String accessKeyId) {
        Map<String, String> p = new TreeMap<>();
        p.put("Action", action);
        p.put("Version", "2020-04-15");
        p.put("Format", "JSON");
        p.put("AccessKeyId", accessKeyId);
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureVersion", "1.0");
        p.put("SignatureNonce", UUID.randomUUID().toString());
        p.put("Timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return p;
    }

    /** The query string of a signed call. */
    static String signedQuery(String method, Map<String, String> params, String secret) {
        Map<String, String> signed = new TreeMap<>(params);
        signed.put("Signature", signature(method, params, secret));
        return signed.entrySet().stream().map(e -> percentEncode(e.getKey()) + "=" + percentEncode(e.getValue()))
                .collect(Collectors.joining("&"));
    }
}
