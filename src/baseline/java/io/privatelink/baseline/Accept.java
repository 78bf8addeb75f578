package io.privatelink.baseline;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The whole function: a row inserted with the reactive client, a Kafka record sent, an id answered. */
public class Accept {

    @Inject
    Pool db;

    @Inject
    @Channel("records")
    MutinyEmitter<String> records;

    @Funq("Accept")
    public Uni<Map<String, String>> accept(Map<String, Object> request) {
        String id = UUID.randomUUID().toString();
        String body = String.valueOf(request);
        return db.preparedQuery("insert into baseline_row (id, body) values ($1, $2)").execute(Tuple.of(id, body))
                .chain(() -> records.send(id))
                .map(sent -> Map.of("Id", id));
    }
}
