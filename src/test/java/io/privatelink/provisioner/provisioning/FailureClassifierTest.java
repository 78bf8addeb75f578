package io.privatelink.provisioner.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.ApiException;
import io.privatelink.provisioner.cloud.CloudException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/** Each branch of the one classification of failures: refusal, outage (503), bug (500, counted). */
class FailureClassifierTest {

    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    final FailureClassifier classifier = new FailureClassifier(metrics);

    double bugs() {
        return metrics.counter("privatelink_internal_errors_total").count();
    }

    int status(Throwable failure) {
        return classifier.toApi(failure, "test").httpStatus();
    }

    @Test
    void aRefusalStaysItselfEvenWrapped() {
        ApiException refusal = ApiErrors.rule(ApiErrors.ILLEGAL_VPC_ID);
        assertSame(refusal, classifier.toApi(refusal, "test"));
        assertSame(refusal, classifier.toApi(new CompletionException(refusal), "test"));
        assertEquals(0, bugs());
    }

    @Test
    void theDatabaseTheBrokerOrTheCloudAwayIsAnOutage() {
        assertEquals(503, status(ClosedConnectionException.INSTANCE));
        assertEquals(503, status(new TimeoutException()));
        assertEquals(503, status(new io.smallrye.mutiny.TimeoutException()));
        assertEquals(503, status(new RuntimeException(new IOException("connection reset"))));
        assertEquals(503, status(new PgException("gone", "FATAL", "08006", null)));
        assertEquals(503, status(new PgException("shutting down", "FATAL", "57P01", null)));
        assertEquals(503, status(new PgException("deadlock", "ERROR", "40P01", null)));
        assertEquals(503, status(new PgException("lock", "ERROR", "55P03", null)));
        assertEquals(503, status(new org.apache.kafka.common.errors.TimeoutException("no ack")));
        assertEquals(503, status(new CloudException("Throttling", "slow down", 400, "r")));
        assertEquals("1", classifier.toApi(new TimeoutException(), "test").headers().get("Retry-After"));
        assertEquals(0, bugs());
    }

    @Test
    void anythingElseIsABugAnsweredAndCounted() {
        assertEquals(500, status(new IllegalStateException("HR000068")));
        assertEquals(500, status(new NullPointerException()));
        // A value longer than its column means a rule is missing: a bug, not the caller's retry.
        assertEquals(500, status(new PgException("value too long", "ERROR", "22001", null)));
        assertEquals(500, status(new CloudException("InvalidVpcId.NotFound", "no such VPC", 404, "r")));
        assertEquals(ApiErrors.INTERNAL_ERROR, classifier.toApi(new IllegalArgumentException(), "test").code());
        // Jackson's exceptions are IOExceptions, but JSON the service cannot read is no connection's failure.
        assertEquals(500, status(new java.io.UncheckedIOException(
                new com.fasterxml.jackson.core.JsonParseException(null, "stored JSON unreadable"))));
        assertEquals(6, bugs());
    }
}
