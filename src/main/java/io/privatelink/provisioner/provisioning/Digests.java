package io.privatelink.provisioner.provisioning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short stable names made from longer text (a step's ClientToken, a connection's key): a SHA-256 prefix in hex. */
final class Digests {

    private Digests() {
    }

    /** The first {@code bytes} bytes of the text's SHA-256, as 2 * bytes hex digits. */
    static String hex(String text, int bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
