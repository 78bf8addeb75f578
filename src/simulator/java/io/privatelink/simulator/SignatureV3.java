package io.privatelink.simulator;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Alibaba Cloud's signature V3 (ACS3-HMAC-SHA256), as "request syntax and signature method V3" documents it: a
 * canonical request (method, canonical URI, canonical query string, the signed headers in canonical form, their
 * names, the hex SHA-256 of the body), its hex SHA-256 after the algorithm's name as the string to sign, and the hex
 * HMAC-SHA256 of that with the AccessKey secret.
 */
public final class SignatureV3 {

    public static final String ALGORITHM = "ACS3-HMAC-SHA256";
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "ACS3-HMAC-SHA256\\s+Credential=([^,\\s]+)\\s*,\\s*SignedHeaders=([^,\\s]+)\\s*,\\s*Signature=([0-9a-fA-F]+)\\s*");

    /** The Authorization header's parts: who signs, which headers they signed, and the signature. */
    public record Authorization(String accessKeyId, List<String> signedHeaders, String signature) {

        public static Optional<Authorization> parse(String header) {
            Matcher m = header == null ? null : AUTHORIZATION.matcher(header.trim());
            if (m == null || !m.matches()) {
                return Optional.empty();
            }
            return Optional.of(new Authorization(m.group(1), List.of(m.group(2).split(";")), m.group(3)));
        }
    }

    private SignatureV3() {
    }

    /**
     * The canonical request. {@code rawQuery} is the query string as sent; {@code headers} holds the request's
     * headers by lower-case name.
     */
    public static String canonicalRequest(String method, String path, String rawQuery, Map<String, String> headers,
            List<String> signedHeaders, String hashedPayload) {
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders) {
            String value = headers.get(name);
            canonicalHeaders.append(name).append(':').append(value == null ? "" : value.trim()).append('\n');
        }
        return method + "\n" + canonicalUri(path) + "\n" + canonicalQuery(rawQuery) + "\n" + canonicalHeaders + "\n"
                + String.join(";", signedHeaders) + "\n" + hashedPayload;
    }

    public static String stringToSign(String canonicalRequest) {
        return ALGORITHM + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    public static String sign(String stringToSign, String accessKeySecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(accessKeySecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path with each segment percent-encoded ("/" for the RPC style's root). */
    static String canonicalUri(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        return List.of(path.split("/", -1)).stream().map(s -> percentEncode(decode(s)))
                .collect(Collectors.joining("/"));
    }

    /** Each name and value decoded, encoded again the RFC 3986 way, sorted by name, name=value joined by '&'. */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(new String[] {percentEncode(decode(name)), percentEncode(decode(value))});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        return pairs.stream().map(p -> p[0] + "=" + p[1]).collect(Collectors.joining("&"));
    }

    static String percentEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** A header name as the canonical form has it. */
    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
