package io.privatelink.provisioner.telemetry;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.privatelink.provisioner.job.VpcEndpointJob;

/** The job's attributes on the current span, and its trace carried across time (the reconciler's later polls). */
public final class Tracing {

    static final String JOB_ID = "privatelink.job_id";
    static final String CLIENT_TOKEN = "privatelink.client_token";

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private Tracing() {
    }

    public static void tag(VpcEndpointJob job) {
        Span.current().setAttribute(JOB_ID, job.jobId).setAttribute(CLIENT_TOKEN, job.clientToken);
    }

    /** The current trace as a W3C traceparent, or null outside a trace. */
    public static String traceParent() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get("traceparent");
    }

    /** A context whose parent is the job's original trace (the current one if the job has none). */
    public static Context of(VpcEndpointJob job) {
        if (job.traceParent == null) {
            return Context.current();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of("traceparent", job.traceParent), MAP);
    }
}
