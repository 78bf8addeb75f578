package io.privatelink.provisioner.fakes;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/** A Kafka channel's emitter that keeps what was sent, acked at once (or, when told, never). */
public final class RecordingEmitter<T> {

    private final List<T> sent = new ArrayList<>();
    private volatile boolean brokerAway;
    private final java.util.concurrent.atomic.AtomicInteger unanswered = new java.util.concurrent.atomic.AtomicInteger();

    public synchronized List<T> sent() {
        return List.copyOf(sent);
    }

    /** Sends from now on wait for an ack that never comes, as without a broker. */
    public void brokerAway() {
        brokerAway = true;
    }

    /** How many sends met no broker (and never will be acked). */
    public int unanswered() {
        return unanswered.get();
    }

    /** The broker is back: sends are acked again. */
    public void brokerBack() {
        brokerAway = false;
    }

    @SuppressWarnings("unchecked")
    public MutinyEmitter<T> emitter() {
        return (MutinyEmitter<T>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MutinyEmitter.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("sendMessage")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    if (brokerAway) {
                        unanswered.incrementAndGet();
                        return Uni.createFrom().nothing();
                    }
                    synchronized (this) {
                        sent.add(((Message<T>) args[0]).getPayload());
                    }
                    return Uni.createFrom().voidItem();
                });
    }
}
