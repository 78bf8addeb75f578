package io.privatelink.provisioner.benchmark;

import io.privatelink.provisioner.local.ServiceProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.privatelink.provisioner.fixtures.WebhookReceiver;
import io.privatelink.provisioner.local.LocalIssuer;
import io.privatelink.provisioner.local.LocalStack;
import io.privatelink.fixtures.FreePorts;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

/**
 * A burst of 500 creates, each with a NotificationUrl, on a simulator that lets them all through at once (so that
 * their ends bunch up), the receiver on this machine verifying each signature: from each job's terminal state (the
 * event's time) to its callback's arrival, p50 and p99; beside it, in the same run, the same outbox's way to Kafka
 * (the vpc-endpoint.events publication of the same state changes).
 */
final class CallbackLatencyRun {

    static final int JOBS = 500;

    private final ServiceBenchmark bench;
    private final Vertx vertx;
    private final Path out;

    CallbackLatencyRun(ServiceBenchmark bench, Vertx vertx, Path out) {
        this.bench = bench;
        this.vertx = vertx;
        this.out = out;
    }

    Map<String, Object> run(Consumer<String[]> add) throws Exception {
        Path data = Files.createTempDirectory(out, "stack-d-");
        try (LocalStack stack = LocalStack.start(data, ServiceBenchmark.ports(), Duration.ofSeconds(2), true);
                WebhookReceiver receiver = WebhookReceiver.listening(stack.issuer().callbackSecret())) {
            ServiceBenchmark.simulator(stack, "PUT", "/_simulator/faults",
                    "{\"QpsLimits\": {\"CreateVpcEndpoint\": 5000, \"GetVpcEndpointAttribute\": 5000}}");
            int port = FreePorts.next();
            Map<String, String> config = ServiceBenchmark.serviceConfig(stack, port);
            config.put("privatelink.cloud.rate-limits.CreateVpcEndpoint", "5000");
            config.put("privatelink.cloud.rate-limits.GetVpcEndpointAttribute", "5000");
            String token = stack.issuer().token("benchmark", LocalIssuer.TENANT, Duration.ofHours(2), "provisioner");
            Pool db = bench.pool(stack, false);
            Map<String, Object> result = new LinkedHashMap<>();
            try (ServiceProcess service = ServiceProcess.start(ServiceBenchmark.JVM, config,
                    out.resolve("service-d.log"))) {
                ServiceBenchmark.Http http = new ServiceBenchmark.Http(vertx, port, token, 64);
                ServiceBenchmark.firstAccepted(service, http);
                String url = receiver.url("/bench");
                long accepted = ServiceBenchmark.burst(JOBS, 64, () -> http.create(body(url)), () -> {
                });
                // The job firstAccepted made has no callback; every other accepted one does.
                long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                while (receiver.received().size() < accepted && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                List<Double> latencies = new ArrayList<>();
                for (WebhookReceiver.Received r : receiver.received()) {
                    Instant changed = Instant.parse(r.event().path("time").asText());
                    latencies.add(Duration.between(changed, r.at()).toNanos() / 1e6);
                }
                latencies.sort(Double::compare);
                Row kafka = ServiceBenchmark.await(db.query("""
                        select percentile_cont(0.5) within group (order by extract(epoch from published_at - created_at)),
                            percentile_cont(0.99) within group (order by extract(epoch from published_at - created_at))
                        from vpc_endpoint_job_event
                        where event_type in ('privatelink.vpc-endpoint.job.active',
                            'privatelink.vpc-endpoint.job.failed') and published_at is not null""")
                        .execute()).iterator().next();
                double p50 = percentile(latencies, 0.5);
                double p99 = percentile(latencies, 0.99);
                result.put("jobs", accepted);
                result.put("received", latencies.size());
                result.put("posts", receiver.posts());
                result.put("p50Millis", p50);
                result.put("p99Millis", p99);
                result.put("maxMillis", latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1));
                result.put("eventsTopicP50Millis", kafka.getDouble(0) * 1000);
                result.put("eventsTopicP99Millis", kafka.getDouble(1) * 1000);
                add.accept(new String[] {"callbacks: " + accepted + " jobs' ends, terminal state to receiver",
                        String.format("p50 %.0f ms, p99 %.0f ms (%d received, %d posts)", p50, p99,
                                latencies.size(), receiver.posts()),
                        String.format("vpc-endpoint.events p50 %.0f ms, p99 %.0f ms", kafka.getDouble(0) * 1000,
                                kafka.getDouble(1) * 1000),
                        "", "", ""});
                http.close();
            }
            db.close();
            return result;
        }
    }

    private static String body(String url) {
        return """
                {"RegionId": "cn-hangzhou", "VpcId": "vpc-demo01", "ServiceId": "epsrv-demo01", "EndpointName": "bench",
                 "SecurityGroupId": ["sg-demo01"], "Zone": [{"VSwitchId": "vsw-demo01h", "ZoneId": "cn-hangzhou-h"}],
                 "ClientToken": "%s", "NotificationUrl": "%s"}""".formatted(UUID.randomUUID(), url);
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
