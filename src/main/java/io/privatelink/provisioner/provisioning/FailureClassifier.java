package io.privatelink.provisioner.provisioning;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JacksonException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.ApiException;
import io.privatelink.provisioner.cloud.CloudException;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * The one answer to "what does this failure mean for the caller?", on every caller path: a refusal stays itself; a
 * database, broker or cloud that cannot serve now is 503 (the caller may retry); anything else is a bug, answered 500
 * InternalError, logged once with its stack trace and counted, so that no unknown failure hides as an outage.
 */
@ApplicationScoped
public class FailureClassifier {

    private static final Logger LOG = Logger.getLogger(FailureClassifier.class);
    /**
     * PostgreSQL's SQLSTATE classes of a server that cannot serve now: connection exceptions, transaction rollbacks
     * (serialization, deadlock), insufficient resources, operator intervention (shutdown), system errors; and a
     * lock not available. A data exception (class 22) is not among them: the rules must have refused such input.
     */
    private static final Set<String> OUTAGE_SQL_CLASSES = Set.of("08", "40", "53", "57", "58");
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final Counter bugs;

    public FailureClassifier(MeterRegistry metrics) {
        this.bugs = Counter.builder("privatelink_internal_errors_total")
                .description("Requests that failed with an error no rule foresaw (a bug), answered 500 InternalError")
                .register(metrics);
    }

    /** The API's answer to a failure of the function named {@code where}. */
    public ApiException toApi(Throwable failure, String where) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
        }
        if (isOutage(failure)) {
            LOG.warnf("%s cannot be served now: %s", where, failure.toString());
            return ApiErrors.serviceUnavailable();
        }
        LOG.errorf(failure, "%s failed with an unexpected error", where);
        bugs.increment();
        return ApiErrors.internalError();
    }

    /**
     * Whether the failure is the database's, the broker's or the cloud's, not the request's or the code's. An I/O
     * failure is a connection's, but Jackson's exceptions are IOExceptions too: JSON the service cannot read or write
     * is a bug, not an outage.
     */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof io.smallrye.mutiny.TimeoutException
                    || t instanceof NoStackTraceTimeoutException || t instanceof ClosedConnectionException
                    || t instanceof IOException && !(t instanceof JacksonException)
                    || t instanceof org.apache.kafka.common.errors.RetriableException
                    || t instanceof org.apache.kafka.common.errors.TimeoutException) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null
                    && (OUTAGE_SQL_CLASSES.contains(pg.getSqlState().substring(0, 2))
                            || LOCK_NOT_AVAILABLE.equals(pg.getSqlState()))) {
                return true;
            }
            if (t instanceof CloudException cloud && cloud.isRetryable()) {
                return true;
            }
        }
        return false;
    }
}
