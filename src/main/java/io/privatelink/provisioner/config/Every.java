package io.privatelink.provisioner.config;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.DurationConverter;

/** A timer's setting (privatelink.reconciler.every, privatelink.callbacks.every), read one way wherever it is read. */
public final class Every {

    private Every() {
    }

    /** The period a setting names ("1s", "0.2s", "PT5M"); none for "off" or "disabled", as Quarkus read it. */
    public static Optional<Duration> period(String every) {
        String value = every.trim();
        return value.equalsIgnoreCase("off") || value.equalsIgnoreCase("disabled") ? Optional.empty()
                : Optional.of(DurationConverter.parseDuration(value));
    }
}
