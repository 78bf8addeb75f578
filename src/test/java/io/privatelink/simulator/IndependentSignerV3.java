package io.privatelink.simulator;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signature V3 (ACS3-HMAC-SHA256) written again from Alibaba's "request syntax and signature method V3", with none
 * of the simulator's code, the way a V2.0 SDK's generic client sends an RPC call: POST / with the action and version
 * in x-acs-* headers and the parameters in the query (or a form body), every common header signed.
 */
final class IndependentSignerV3 {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A request ready to go: its headers signed, and the canonical request and string to sign behind them. */
    record Signed(String method, String query, Map<String, String> headers, byte[] body, String canonicalRequest,
            String stringToSign) {

        /** The same request with one header changed after signing (a tampered request). */
        Signed withHeader(String name, String value) {
            Map<String, String> changed = new TreeMap<>(headers);
            changed.put(name, value);
            return new Signed(method, query, changed, body, canonicalRequest, stringToSign);
        }

        Signed withBody(byte[] other) {
            return new Signed(method, query, headers, other, canonicalRequest, stringToSign);
        }

        Signed withoutHeader(String name) {
            Map<String, String> changed = new TreeMap<>(headers);
            changed.remove(name);
            return new Signed(method, query, changed, body, canonicalRequest, stringToSign);
        }
    }

    private IndependentSignerV3() {
    }

    /** RFC 3986: unreserved characters stay, everything else is %XX in upper case (a space is %20). */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static String sha256(byte[] bytes) {
        try {
            return hex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return hex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An RPC call of {@code action}, its parameters in the query, signed now with a fresh nonce. */
    static Signed rpc(String host, String action, String version, Map<String, String> query, String accessKeyId,
            String secret, String securityToken) {
        return sign("POST", host, action, version, query, new byte[0], null, accessKeyId, secret, securityToken,
                Instant.now().truncatedTo(ChronoUnit.SECONDS), UUID.randomUUID().toString().replace("-", ""));
    }

    /** An RPC call with its parameters in a form body. */
    static Signed rpcForm(String host, String action, String version, Map<String, String> form, String accessKeyId,
            String secret) {
        byte[] body = new TreeMap<>(form).entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
        return sign("POST", host, action, version, Map.of(), body, "application/x-www-form-urlencoded", accessKeyId,
                secret, null, Instant.now().truncatedTo(ChronoUnit.SECONDS), UUID.randomUUID().toString());
    }

    static Signed sign(String method, String host, String action, String version, Map<String, String> query,
            byte[] body, String contentType, String accessKeyId, String secret, String securityToken, Instant date,
            String nonce) {
        Map<String, String> headers = new TreeMap<>();
        headers.put("host", host);
        headers.put("x-acs-action", action);
        headers.put("x-acs-version", version);
        headers.put("x-acs-date", date.toString());
        headers.put("x-acs-signature-nonce", nonce);
        headers.put("x-acs-content-sha256", sha256(body));
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        if (securityToken != null) {
            headers.put("x-acs-security-token", securityToken);
        }
        String canonicalQuery = new TreeMap<>(query.entrySet().stream().collect(Collectors.toMap(
                e -> encode(e.getKey()), e -> encode(e.getValue())))).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        String canonicalHeaders = headers.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue().trim() + "\n")
                .collect(Collectors.joining());
        String signedHeaders = String.join(";", headers.keySet());
        String canonicalRequest = method + "\n/\n" + canonicalQuery + "\n" + canonicalHeaders + "\n" + signedHeaders
                + "\n" + sha256(body);
        String stringToSign = "ACS3-HMAC-SHA256\n" + sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        Map<String, String> sent = new TreeMap<>(headers);
        sent.put("authorization", "ACS3-HMAC-SHA256 Credential=" + accessKeyId + ",SignedHeaders=" + signedHeaders
                + ",Signature=" + hmac(secret, stringToSign));
        return new Signed(method, canonicalQuery, sent, body, canonicalRequest, stringToSign);
    }

    /** Sends it to the simulator on {@code port} (host is a restricted header: the client sets it from the URI). */
    static HttpResponse<String> send(int port, Signed signed) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"
                + (signed.query().isEmpty() ? "" : "?" + signed.query())))
                .method(signed.method(), HttpRequest.BodyPublishers.ofByteArray(signed.body()));
        signed.headers().forEach((name, value) -> {
            if (!name.equals("host")) {
                request.header(name, value);
            }
        });
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
