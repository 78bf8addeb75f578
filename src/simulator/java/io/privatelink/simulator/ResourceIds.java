package io.privatelink.simulator;

import java.security.SecureRandom;

/** New resource ids as the cloud makes them: a prefix (ep-, eni-) and twenty random letters and digits. */
final class ResourceIds {

    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final SecureRandom random = new SecureRandom();

    String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 20; i++) {
            id.append(ID_ALPHABET[random.nextInt(ID_ALPHABET.length)]);
        }
        return id.toString();
    }
}
