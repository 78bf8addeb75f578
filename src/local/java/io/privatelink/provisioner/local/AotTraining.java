package io.privatelink.provisioner.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.privatelink.fixtures.FreePorts;

/**
 * The AOT cache of the production artifact (JDK 25's -XX:AOTCacheOutput), made by a training run on the JDK this runs
 * on: the artifact started as an API instance against an embedded broker, database and simulator, given the requests
 * such an instance answers, and stopped; the JVM writes the cache as it exits. The image build runs it on the image's
 * own JDK (infra/image/Dockerfile), since a cache is only good for the JDK build and class path that made it; the
 * benchmark runs the same training. No part of it goes into the image beside the cache.
 * <p>
 * {@code java -cp 'target/aot-training/classes:target/aot-training/lib/*' io.privatelink.provisioner.local.AotTraining
 * <quarkus-app> <cache> [JVM flags...]}
 */
public final class AotTraining {

    static final int CREATES = 300;
    static final int READS = 100;
    static final int REFUSALS = 20;
    static final Duration STARTED_WITHIN = Duration.ofMinutes(3);
    private static final String BODY = """
            {"RegionId": "cn-hangzhou", "VpcId": "vpc-demo01", "ServiceId": "epsrv-demo01", "EndpointName": "training",
             "SecurityGroupId": ["sg-demo01"], "Zone": [{"VSwitchId": "vsw-demo01h", "ZoneId": "cn-hangzhou-h"}],
             "ClientToken": "%s"}""";

    private AotTraining() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: AotTraining <quarkus-app directory> <cache file> [JVM flags...]");
            System.exit(2);
        }
        // Exits either way: the embedded broker's and Vert.x's threads would otherwise keep a failed build waiting.
        try {
            Path app = Path.of(args[0]).toAbsolutePath();
            Path cache = Path.of(args[1]).toAbsolutePath();
            List<String> flags = List.of(args).subList(2, args.length);
            Path data = Files.createTempDirectory("aot-training-");
            try (LocalStack stack = LocalStack.start(data, new LocalStack.Ports(FreePorts.next(),
                    FreePorts.next(), FreePorts.next(), FreePorts.next()), Duration.ofSeconds(1), true)) {
                Map<String, String> config = apiInstance(stack);
                migrate(app.resolve("quarkus-run.jar"), flags, config, data.resolve("migrate.log"));
                String token = stack.issuer().token("aot-training", null, Duration.ofHours(1), "provisioner");
                train(Path.of(System.getProperty("java.home")), flags, app.resolve("quarkus-run.jar"), config, token,
                        cache, data.resolve("training.log"));
            }
            System.out.println("AOT cache written: " + cache + " (" + Files.size(cache) + " bytes)");
            System.exit(0);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    /**
     * The configuration of an API instance against this stack, as the functions' manifests set it: no consumers,
     * no reconciler (nor the watches and the callbacks' timer it drives), no migration (and so no Flyway), the ORM
     * inactive (its paths are on the reactive client, and the ORM's boot is most of what the start adds); its one
     * caller not held to a caller's rate limit, so that the training's creates are accepted, not refused.
     */
    public static Map<String, String> apiInstance(LocalStack stack) {
        Map<String, String> config = new LinkedHashMap<>(stack.serviceConfig());
        config.put("privatelink.schema.migrate", "off");
        config.put("mp.messaging.incoming.provision-commands-in.enabled", "false");
        config.put("mp.messaging.incoming.vpc-endpoint-requests-in.enabled", "false");
        config.put("privatelink.reconciler.every", "off");
        config.put("quarkus.hibernate-orm.active", "false");
        config.put("privatelink.auth.rate-limit.per-second", "1000000");
        config.put("privatelink.auth.rate-limit.burst", "1000000");
        return config;
    }

    /**
     * The schema, migrated as Deploy does: the artifact on this JDK as the migration step (migrate, then exit). Answers
     * the step's seconds.
     */
    public static double migrate(Path jar, List<String> flags, Map<String, String> config, Path log)
            throws IOException, InterruptedException {
        Map<String, String> step = new LinkedHashMap<>(config);
        step.put("privatelink.schema.migrate", "and-exit");
        try (ServiceProcess migration = ServiceProcess.start(Path.of(System.getProperty("java.home")), flags, jar, step,
                log)) {
            int exit = migration.awaitExit(Duration.ofMinutes(3));
            if (exit != 0) {
                throw new IllegalStateException("the migration exited with " + exit + "; see " + log);
            }
            return (System.nanoTime() - migration.startedNanos) / 1e9;
        }
    }

    /** What a training run does with the started process, listening on {@code port}. */
    public interface Workload {
        void run(ServiceProcess process, int port) throws IOException, InterruptedException;
    }

    /**
     * A recording run: the artifact on {@code javaHome} with {@code flags} and -XX:AOTCacheOutput, given the
     * workload, stopped; answers once the JVM has written the cache as it exited.
     */
    public static void record(Path javaHome, List<String> flags, Path jar, Map<String, String> config, Path cache,
            Path log, Workload workload) throws IOException, InterruptedException {
        Files.deleteIfExists(cache);
        List<String> recording = new ArrayList<>(flags);
        recording.add("-XX:AOTCacheOutput=" + cache.toAbsolutePath());
        int port = FreePorts.next();
        Map<String, String> listening = new LinkedHashMap<>(config);
        listening.put("quarkus.http.port", String.valueOf(port));
        int exit;
        try (ServiceProcess process = ServiceProcess.start(javaHome, recording, jar, listening, log)) {
            workload.run(process, port);
            exit = process.stop(Duration.ofMinutes(3));
        }
        if (!Files.exists(cache)) {
            throw new IllegalStateException("the training run exited with " + exit + " and wrote no cache; see " + log);
        }
    }

    /**
     * The image's training run ({@link #record}): creates, reads and refusals (bad input, no token) as callers send
     * them.
     */
    public static void train(Path javaHome, List<String> flags, Path jar, Map<String, String> config, String token,
            Path cache, Path log) throws IOException, InterruptedException {
        record(javaHome, flags, jar, config, cache, log, (service, port) -> {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port;
            List<String> jobs = new ArrayList<>();
            long deadline = System.nanoTime() + STARTED_WITHIN.toNanos();
            while (jobs.isEmpty()) {
                if (!service.alive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the training run accepted no create within " + STARTED_WITHIN
                            + "; see " + log);
                }
                try {
                    String location = create(http, base, token);
                    if (location != null) {
                        jobs.add(location);
                        continue;
                    }
                } catch (IOException notListeningYet) {
                    // not listening yet
                }
                Thread.sleep(20);
            }
            for (int i = 1; i < CREATES; i++) {
                String location = create(http, base, token);
                if (location != null) {
                    jobs.add(location);
                }
            }
            for (int i = 0; i < READS; i++) {
                send(http, HttpRequest.newBuilder(URI.create(base + jobs.get(i % jobs.size()))), token);
                send(http, HttpRequest.newBuilder(URI.create(base + "/ListVpcEndpointJobs?MaxResults=20")), token);
            }
            for (int i = 0; i < REFUSALS; i++) {
                send(http, post(base + "/CreateVpcEndpoint", "{\"RegionId\": 7,"), token);
                send(http, post(base + "/CreateVpcEndpoint", BODY.formatted(UUID.randomUUID())), null);
                send(http, HttpRequest.newBuilder(URI.create(base + "/GetVpcEndpointJob?JobId=job-none")), token);
            }
        });
    }

    /** A create; its Location when accepted. */
    private static String create(HttpClient http, String base, String token) throws IOException, InterruptedException {
        HttpResponse<String> r = send(http, post(base + "/CreateVpcEndpoint", BODY.formatted(UUID.randomUUID())), token);
        return r.statusCode() == 202 ? r.headers().firstValue("Location").orElse(null) : null;
    }

    private static HttpRequest.Builder post(String uri, String body) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request, String token)
            throws IOException, InterruptedException {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
