package io.privatelink.provisioner.api;

import java.util.Locale;
import java.util.UUID;

/** The RequestId of every answer, in the API's form: an upper-case UUID. */
public final class RequestIds {

    private RequestIds() {
    }

    public static String next() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }
}
