package io.privatelink.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who signed a request, once its signature checks out: signature V1 (HMAC-SHA1 over the parameters, the common
 * parameters in the query or form) or V3 (ACS3-HMAC-SHA256 in the Authorization header, the action and version in
 * x-acs-* headers), each with its timestamp window, its nonce, and the SecurityToken of credentials STS handed out.
 */
final class RequestAuthenticator {

    private static final Duration TIMESTAMP_WINDOW = Duration.ofMinutes(15);
    private static final List<String> COMMON_REQUIRED = List.of("Version", "AccessKeyId", "Signature",
            "SignatureNonce", "Timestamp");
    /** The V3 headers every request carries and signs, beside host and any other x-acs-* header it sends. */
    private static final List<String> V3_REQUIRED = List.of("x-acs-action", "x-acs-version", "x-acs-date",
            "x-acs-signature-nonce", "x-acs-content-sha256");
    private static final Set<String> VERSIONS = Set.of(RpcGateway.VERSION, SimulatedSts.VERSION);

    /** A request as it came: enough of HTTP to check either signature. */
    record Request(String method, String path, String rawQuery, Map<String, String> headers, byte[] body,
            Map<String, String> params) {

        boolean isV3() {
            String authorization = headers.get("authorization");
            return authorization != null && authorization.startsWith(SignatureV3.ALGORITHM);
        }
    }

    /** A request whose signature checked out: who signed it, and the action and API version it calls. */
    record Signed(String accessKeyId, String action, String version) {
    }

    private final Map<String, String> accessKeys;
    private final SimulatedSts sts;
    private final Clock clock;
    private final Map<String, Instant> usedNonces = new ConcurrentHashMap<>();

    RequestAuthenticator(Map<String, String> accessKeys, SimulatedSts sts, Clock clock) {
        this.accessKeys = accessKeys;
        this.sts = sts;
        this.clock = clock;
    }

    Signed authenticate(Request r) {
        if (!"GET".equals(r.method()) && !"POST".equals(r.method())) {
            throw SeedErrors.of("UnsupportedHTTPMethod");
        }
        return r.isV3() ? v3(r) : v1(r);
    }

    private Signed v1(Request r) {
        Map<String, String> params = r.params();
        if (params.get("Action") == null) {
            throw SeedErrors.of("MissingAction");
        }
        for (String name : COMMON_REQUIRED) {
            if (params.get(name) == null || params.get(name).isEmpty()) {
                throw SeedErrors.missing(name);
            }
        }
        version(params.get("Version"));
        String secret = secret(params.get("AccessKeyId"), params.get("SecurityToken"));
        Instant timestamp = timestamp(params.get("Timestamp"));
        String stringToSign = SignatureV1.stringToSign(r.method(), params);
        if (!SignatureV1.sign(stringToSign, secret).equals(params.get("Signature"))) {
            throw SeedErrors.of("SignatureDoesNotMatch", stringToSign);
        }
        nonce(params.get("SignatureNonce"), timestamp);
        return new Signed(params.get("AccessKeyId"), params.get("Action"), params.get("Version"));
    }

    private Signed v3(Request r) {
        Map<String, String> h = r.headers();
        SignatureV3.Authorization auth = SignatureV3.Authorization.parse(h.get("authorization"))
                .orElseThrow(() -> SeedErrors.of("IncompleteSignature",
                        "Authorization must be ACS3-HMAC-SHA256 Credential=...,SignedHeaders=...,Signature=..."));
        if (h.get("x-acs-action") == null || h.get("x-acs-action").isEmpty()) {
            throw SeedErrors.of("MissingAction");
        }
        for (String name : V3_REQUIRED) {
            if (h.get(name) == null || h.get(name).isEmpty()) {
                throw SeedErrors.of("IncompleteSignature", "The header " + name + " is missing.");
            }
        }
        for (String name : h.keySet()) {
            if ((name.equals("host") || name.startsWith("x-acs-")) && !auth.signedHeaders().contains(name)) {
                throw SeedErrors.of("IncompleteSignature", "The header " + name + " must be signed.");
            }
        }
        version(h.get("x-acs-version"));
        String secret = secret(auth.accessKeyId(), h.get("x-acs-security-token"));
        Instant timestamp = timestamp(h.get("x-acs-date"));
        String hashedPayload = SignatureV3.sha256Hex(r.body());
        if (!hashedPayload.equalsIgnoreCase(h.get("x-acs-content-sha256"))) {
            throw SeedErrors.of("SignatureDoesNotMatch", " (x-acs-content-sha256 is not the SHA-256 of the body)");
        }
        String canonical = SignatureV3.canonicalRequest(r.method(), r.path(), r.rawQuery(), h, auth.signedHeaders(),
                h.get("x-acs-content-sha256"));
        String stringToSign = SignatureV3.stringToSign(canonical);
        if (!SignatureV3.sign(stringToSign, secret).equalsIgnoreCase(auth.signature())) {
            throw SeedErrors.of("SignatureDoesNotMatch", stringToSign);
        }
        nonce(h.get("x-acs-signature-nonce"), timestamp);
        return new Signed(auth.accessKeyId(), h.get("x-acs-action"), h.get("x-acs-version"));
    }

    private static void version(String version) {
        if (!VERSIONS.contains(version)) {
            throw SeedErrors.of("InvalidVersion");
        }
    }

    /** The secret of a configured AccessKey pair, or of credentials STS handed out (checked with their token). */
    private String secret(String accessKeyId, String securityToken) {
        String secret = accessKeys.get(accessKeyId);
        if (secret != null) {
            return secret;
        }
        return sts.secretOf(accessKeyId, securityToken, clock.instant())
                .orElseThrow(() -> SeedErrors.of("InvalidAccessKeyId.NotFound"));
    }

    private Instant timestamp(String text) {
        Instant timestamp;
        try {
            timestamp = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw SeedErrors.of("InvalidTimeStamp.Format");
        }
        if (Duration.between(timestamp, clock.instant()).abs().compareTo(TIMESTAMP_WINDOW) > 0) {
            throw SeedErrors.of("InvalidTimeStamp.Expired");
        }
        return timestamp;
    }

    private void nonce(String nonce, Instant timestamp) {
        if (usedNonces.putIfAbsent(nonce, timestamp) != null) {
            throw SeedErrors.of("SignatureNonceUsed");
        }
    }

    /** Nonces older than twice the window can no longer come back with a valid timestamp. */
    void forgetOldNonces() {
        Instant oldest = clock.instant().minus(TIMESTAMP_WINDOW.multipliedBy(2));
        usedNonces.values().removeIf(t -> t.isBefore(oldest));
    }

    void forgetNonces() {
        usedNonces.clear();
    }
}
