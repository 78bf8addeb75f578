package io.privatelink.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.RoutingContext;

/** The simulator's answers (flat JSON, or the API's error shape) and its counts of calls and outcomes. */
final class SimulatorReplies {

    static final String HOST_ID = "privatelink.simulator.local";

    final ObjectMapper json;
    final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

    SimulatorReplies(ObjectMapper json) {
        this.json = json;
    }

    void fail(RoutingContext ctx, String requestId, SimulatorException e) {
        count(outcomes, e.code());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RequestId", requestId);
        body.put("HostId", HOST_ID);
        body.put("Code", e.code());
        body.put("Message", e.getMessage());
        body.put("Recommend", "https://api.aliyun.com/troubleshoot?q=" + e.code() + "&product=Privatelink");
        respond(ctx, e.httpStatus(), body);
    }

    void respond(RoutingContext ctx, int status, Object body) {
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json;charset=utf-8")
                    .end(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }

    static void count(Map<String, LongAdder> counters, String key) {
        counters.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    static Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> m = new TreeMap<>();
        counters.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    void clearCounts() {
        calls.clear();
        outcomes.clear();
    }
}
