package io.privatelink.provisioner.drivers;

import java.util.Optional;

import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;

/**
 * An in-process timer's life: its ticker (none when its setting says "off"), paused at run time, stopped with the
 * service.
 */
abstract class TimerDriver {

    volatile Optional<Ticker> ticker = Optional.empty();

    void stop(@Observes ShutdownEvent stopping) {
        ticker.ifPresent(Ticker::stop);
    }

    /** Ticks skipped until resume (a deployment's drivers switched off at run time). */
    public void pause() {
        ticker.ifPresent(Ticker::pause);
    }

    public void resume() {
        ticker.ifPresent(Ticker::resume);
    }
}
