package io.privatelink.provisioner.cloud;

import java.util.regex.Pattern;

/**
 * A SignatureDoesNotMatch answer quotes the server's string to sign, which holds the request's SecurityToken when the
 * account's credentials came from STS: the message goes into logs and job rows, the token must not.
 */
final class SecurityTokens {

    private static final Pattern SECURITY_TOKEN = Pattern.compile(
            "(SecurityToken(?:=|%3D|%253D)).*?(?=&|%26|%2526|$)");

    private SecurityTokens() {
    }

    /** The message with every SecurityToken's value (plain or URL-encoded, once or twice) replaced by ***. */
    static String redacted(String message) {
        return message == null ? null : SECURITY_TOKEN.matcher(message).replaceAll("$1***");
    }
}
