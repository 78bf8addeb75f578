package io.privatelink.provisioner.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/**
 * The callbacks' outbox on the real database: a claim takes each job's head only and no more of a receiver than its
 * free connections, leasing what it takes; attempts that end together are recorded together, each as it ended. On a
 * database of its own (the suite's PostgreSQL, the service's migrations), so that the suite's service, which delivers
 * every due callback of its own database, never takes these.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
@QuarkusTestResource(LocalStackResource.class)
class CallbackRepositoryTest {

    private static final String DATABASE = "callback_outbox_test";
    private static final int PER_HOST = 4;

    private static Vertx vertx;
    private static Pool sql;
    private CallbackRepository outbox;
    private Instant now;

    @BeforeAll
    static void database() throws SQLException {
        String server = "jdbc:postgresql://127.0.0.1:" + LocalStackResource.stack().postgres().port() + "/";
        try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE);
            s.execute("create database " + DATABASE);
        }
        Flyway.configure().dataSource(server + DATABASE, "postgres", "").locations("classpath:db/migration").load()
                .migrate();
        vertx = Vertx.vertx();
        sql = Pool.newInstance(PgBuilder.pool().with(new PoolOptions().setMaxSize(4))
                .connectingTo(new PgConnectOptions().setHost("127.0.0.1")
                        .setPort(LocalStackResource.stack().postgres().port()).setDatabase(DATABASE)
                        .setUser("postgres"))
                .using(vertx.getDelegate()).build());
    }

    @AfterAll
    static void close() {
        sql.closeAndAwait();
        vertx.closeAndAwait();
    }

    @BeforeEach
    void empty() {
        sql.query("truncate vpc_endpoint_callback_attempt, vpc_endpoint_callback, vpc_endpoint_job cascade")
                .execute().await().indefinitely();
        outbox = new CallbackRepository(sql);
        now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    @Test
    void aClaimTakesNoMoreOfAReceiverThanItsFreeConnectionsAndLeasesWhatItTakes() {
        for (int i = 0; i < 10; i++) {
            callback(job(), "busy.example", 0);
        }
        for (int i = 0; i < 3; i++) {
            callback(job(), "idle.example", 0);
        }
        Instant lease = now.plusSeconds(40);
        List<Callback> claimed = claim(Map.of("busy.example", 3), lease);
        Map<String, Long> byHost = claimed.stream().collect(Collectors.groupingBy(c -> c.host, Collectors.counting()));
        assertEquals(Map.of("busy.example", 1L, "idle.example", 3L), byHost,
                "busy.example has 3 of its 4 connections at work here, idle.example none");
        assertEquals(4L, count("select count(*) from vpc_endpoint_callback where next_attempt_at = $1", lease),
                "what was claimed is leased");
        assertEquals(List.of(), claim(Map.of("busy.example", 4), lease), "leased deliveries are not due");
    }

    @Test
    void aJobsDeliveriesAreClaimedOneAtATimeInTheirOrder() {
        String job = job();
        long first = callback(job, "receiver.example", 0);
        long second = callback(job, "receiver.example", 1);
        List<Callback> claimed = claim(Map.of(), now.plusSeconds(40));
        assertEquals(List.of(first), claimed.stream().map(c -> c.id).toList(), "only the job's head");
        outbox.attempted(new CallbackOutbox.Attempted(first, attempt(204, null), Callback.Outcome.Delivered,
                null)).await().indefinitely();
        assertEquals(List.of(second), claim(Map.of(), now.plusSeconds(40)).stream().map(c -> c.id).toList(),
                "the next once the head ended");
    }

    @Test
    void attemptsEndingTogetherAreEachRecordedAsTheyEnded() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(callback(job(), "receiver.example", 0));
        }
        Instant again = now.plusSeconds(60);
        List<CompletableFuture<Void>> recorded = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            CallbackOutbox.Attempted attempted = switch (i % 3) {
                case 0 -> new CallbackOutbox.Attempted(ids.get(i), attempt(200, null), Callback.Outcome.Delivered,
                        null);
                case 1 -> new CallbackOutbox.Attempted(ids.get(i), attempt(503, null), null, again);
                default -> new CallbackOutbox.Attempted(ids.get(i), attempt(null, "no answer in time"),
                        null, again);
            };
            recorded.add(outbox.attempted(attempted).subscribeAsCompletionStage());
        }
        recorded.forEach(CompletableFuture::join);
        for (int i = 0; i < ids.size(); i++) {
            Row row = one("select c.attempts, c.outcome, c.ended_at, c.next_attempt_at, a.status, a.error, a.millis"
                    + " from vpc_endpoint_callback c join vpc_endpoint_callback_attempt a on a.callback_id = c.id"
                    + " where c.id = $1", ids.get(i));
            assertEquals(1, row.getInteger("attempts"));
            assertEquals(7, row.getInteger("millis"));
            if (i % 3 == 0) {
                assertEquals("Delivered", row.getString("outcome"));
                assertEquals(now, row.getOffsetDateTime("ended_at").toInstant());
                assertEquals(200, row.getInteger("status"));
            } else {
                assertNull(row.getString("outcome"), "tried again");
                assertNull(row.getValue("ended_at"));
                assertEquals(again, row.getOffsetDateTime("next_attempt_at").toInstant());
                if (i % 3 == 1) {
                    assertEquals(503, row.getInteger("status"));
                } else {
                    assertNull(row.getValue("status"));
                    assertEquals("no answer in time", row.getString("error"));
                }
            }
        }
        assertEquals(30L, count("select count(*) from vpc_endpoint_callback_attempt where at = $1", now));
        assertTrue(claim(Map.of(), now.plusSeconds(40)).isEmpty(), "none due before their next attempt");
    }

    private List<Callback> claim(Map<String, Integer> underWay, Instant lease) {
        return outbox.claimDue(now, 100, PER_HOST, underWay, lease).await().indefinitely();
    }

    private CallbackAttempt attempt(Integer status, String error) {
        CallbackAttempt attempt = new CallbackAttempt();
        attempt.at = now;
        attempt.status = status;
        attempt.error = error;
        attempt.millis = 7;
        return attempt;
    }

    private String job() {
        String id = "job-" + UUID.randomUUID();
        sql.preparedQuery("""
                insert into vpc_endpoint_job (job_id, client_token, cloud_token, caller_subject, caller_tenant,
                    request_fingerprint, request_json, status, region_id, vpc_id, attempts, polls, poll_failures,
                    not_found_polls, next_attempt_at, created_at, updated_at, version)
                values ($1, $1, $1, 'callback-repository-test', '', 'f', '{}', 'Active', 'cn-hangzhou', 'vpc-demo01',
                    0, 0, 0, 0, $2, $2, $2, 0)""")
                .execute(Tuple.of(id, JobRows.utc(now))).await().indefinitely();
        return id;
    }

    /** A delivery due now (the {@code order}th of its job's), to {@code host}. */
    private long callback(String jobId, String host, int order) {
        return sql.preparedQuery("""
                insert into vpc_endpoint_callback (job_id, caller_tenant, url, host, event_id, event_type, payload,
                    created_at, next_attempt_at)
                values ($1, '', 'https://' || $2 || '/hook', $2, $3, 'privatelink.vpc-endpoint.job.active', '{}',
                    $4, $4) returning id""")
                .execute(Tuple.of(jobId, host, UUID.randomUUID().toString(),
                        JobRows.utc(now.minus(Duration.ofSeconds(10 - order)))))
                .await().indefinitely().iterator().next().getLong(0);
    }

    private static Row one(String query, Object param) {
        return sql.preparedQuery(query).execute(Tuple.of(param)).await().indefinitely().iterator().next();
    }

    private static long count(String query, Instant at) {
        return one(query, JobRows.utc(at)).getLong(0);
    }
}
