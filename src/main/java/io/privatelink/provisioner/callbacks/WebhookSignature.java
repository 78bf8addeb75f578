package io.privatelink.provisioner.callbacks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature: HMAC-SHA256 over "{webhook-id}.{webhook-timestamp}.{body}" with each secret
 * (whsec_ and the key in base64), sent as "v1,{base64}" separated by spaces, so that a receiver that knows any one
 * of the secrets being rotated accepts it.
 */
final class WebhookSignature {

    static final String PREFIX = "whsec_";

    private WebhookSignature() {
    }

    static String header(String id, long timestampSeconds, String body, List<byte[]> keys) {
        byte[] content = (id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8);
        return keys.stream().map(key -> "v1," + Base64.getEncoder().encodeToString(hmac(key, content)))
                .collect(Collectors.joining(" "));
    }

    /** A secret's key; refused (without quoting it) when it is not whsec_ and base64. */
    static byte[] key(String secret) {
        String s = secret.trim();
        if (!s.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a callback signing secret must start with " + PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(s.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a callback signing secret must be " + PREFIX + " and base64");
        }
        if (key.length < 16) {
            throw new IllegalArgumentException("a callback signing secret must hold at least 16 bytes");
        }
        return key;
    }

    private static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
