package io.privatelink.provisioner.benchmark;

import io.privatelink.provisioner.local.ServiceProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.privatelink.fixtures.FreePorts;
import io.privatelink.provisioner.local.AotTraining;
import io.privatelink.provisioner.local.LocalStack;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

/**
 * What a scale-to-zero function costs, the service's API instance beside a minimal Quarkus function (src/baseline:
 * the same four extensions, one entity, one @Funq inserting a row and sending a record), with the same JVM bounds and
 * packaging, in the same minutes: the start to the first 2xx on JDK 17 and on JDK 25 with an AOT cache from a training
 * run, then on the production launch (three times each, the median) the resident memory after 1,000 requests and the
 * CPU per request over 2,000 more.
 */
final class FootprintRun {

    /** JDK 25, for its AOT cache (BENCHMARK_JDK25 names another home); without it only JDK 17 is measured. */
    static final Path JDK25 = Path.of(System.getenv().getOrDefault("BENCHMARK_JDK25",
            "/usr/lib/jvm/temurin-25-jdk-amd64"));
    static final Path BASELINE_JAR = Path.of("target/baseline/quarkus-app/quarkus-run.jar");
    static final int STARTS = 3;
    static final int USES = 3;
    static final int TRAINING_REQUESTS = 300;
    static final int MEMORY_AFTER = 1000;
    static final int CPU_REQUESTS = 2000;
    static final int CPU_CLIENTS = 8;

    /** An application and the request it serves: its first answer {@code ok} is the end of its start. */
    record Subject(String name, Path jar, Map<String, String> config, String token, String uri,
            Supplier<String> body, String ok) {

        /** Its request, a fresh body each time. */
        Future<String> call(ServiceBenchmark.Http http) {
            return http.post(uri, body.get());
        }
    }

    /** A JVM and its flags. */
    record Launch(String name, Path javaHome, List<String> flags) {
    }

    private final Vertx vertx;
    private final Path out;

    FootprintRun(Vertx vertx, Path out) {
        this.vertx = vertx;
        this.out = out;
    }

    /**
     * @param service the service's configuration against the stack, an API instance's ({@link AotTraining#apiInstance})
     * @param token a provisioner's token
     */
    Map<String, Object> run(LocalStack stack, Map<String, String> service, String token, Pool db,
            Consumer<String[]> table) throws Exception {
        buildBaseline();
        ServiceBenchmark.await(db.query("create table if not exists baseline_row (id text primary key, body text)")
                .execute());
        Subject ours = new Subject("service", ServiceProcess.JAR, service, token, "/CreateVpcEndpoint",
                () -> ServiceBenchmark.BODY.formatted(UUID.randomUUID()), "202");
        Subject minimal = new Subject("minimal", BASELINE_JAR, baselineConfig(stack), null, "/Accept",
                () -> "{\"RequestId\": \"" + UUID.randomUUID() + "\"}", "200");
        List<Subject> subjects = List.of(ours, minimal);
        Launch plain = new Launch("JDK " + Runtime.version().feature(), Path.of(System.getProperty("java.home")),
                ServiceBenchmark.JVM);
        Map<String, Object> results = new LinkedHashMap<>();
        Map<String, Launch> production = new LinkedHashMap<>();
        Map<String, List<Double>> plainStarts = starts(s -> plain, subjects);
        compare("start to first 2xx, " + plain.name() + " (median of " + STARTS + ")", plainStarts, 0, results, table);
        if (Files.isExecutable(JDK25.resolve("bin/java"))) {
            for (Subject s : subjects) {
                production.put(s.name(), cached(train(s)));
            }
            Map<String, List<Double>> aotStarts = starts(s -> production.get(s.name()), subjects);
            compare("start to first 2xx, JDK 25 + AOT cache (the image's)", aotStarts, 1.2, results, table);
            double ratio = median(aotStarts.get("service")) / median(plainStarts.get("service"));
            results.put("serviceAotOverPlain", ratio);
            table.accept(new String[] {"  service: the image's start over " + plain.name() + "'s", "", "",
                    String.format("%.2f", ratio), "about 0.4", ""});
        } else {
            subjects.forEach(s -> production.put(s.name(), plain));
        }
        // Each subject launched USES times, in turns, and its median taken: one launch's CPU per request varied by a
        // third from run to run on this machine.
        Map<String, List<Map<String, Double>>> launches = new LinkedHashMap<>();
        for (int i = 0; i < USES; i++) {
            for (Subject s : subjects) {
                launches.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(inUse(production.get(s.name()), s));
            }
        }
        Map<String, Map<String, Double>> use = new LinkedHashMap<>();
        launches.forEach((name, each) -> {
            Map<String, Double> medians = new LinkedHashMap<>();
            each.get(0).keySet().forEach(key -> medians.put(key, median(each.stream().map(m -> m.get(key)).toList())));
            use.put(name, medians);
        });
        results.put("use", use);
        results.put("useLaunches", launches);
        results.put("productionLaunch", production.get("service"));
        row("resident memory after " + MEMORY_AFTER + " (median of " + USES + ")", launches, use, "residentMB", "%.0f",
                " MB", 1.1, table);
        row("CPU per request (" + CPU_REQUESTS + " at " + CPU_CLIENTS + ", median of " + USES + ")", launches, use,
                "cpuMsPerRequest", "%.2f", " ms", 1.5, table);
        return results;
    }

    /** The minimal function, built from its sources each run (a quarter of a minute) so it never lags them. */
    private void buildBaseline() throws Exception {
        Process build = new ProcessBuilder("mvn", "-B", "-q", "-f", "src/baseline/pom.xml", "package", "-DskipTests")
                .inheritIO().start();
        if (build.waitFor() != 0 || !Files.exists(BASELINE_JAR)) {
            throw new IllegalStateException("the minimal function's build failed (mvn -f src/baseline/pom.xml package)");
        }
    }

    private Map<String, String> baselineConfig(LocalStack stack) {
        Map<String, String> service = stack.serviceConfig();
        Map<String, String> config = new LinkedHashMap<>();
        for (String key : List.of("quarkus.datasource.reactive.url", "quarkus.datasource.username",
                "quarkus.datasource.password", "kafka.bootstrap.servers")) {
            if (service.containsKey(key)) {
                config.put(key, service.get(key));
            }
        }
        config.put("quarkus.datasource.reactive.max-size", String.valueOf(ServiceBenchmark.POOL));
        return config;
    }

    /** The subjects started in turn, {@link #STARTS} times each, each with its launch: their seconds to a 2xx. */
    private Map<String, List<Double>> starts(java.util.function.Function<Subject, Launch> launch,
            List<Subject> subjects) throws Exception {
        Map<String, List<Double>> starts = new LinkedHashMap<>();
        for (int i = 0; i < STARTS; i++) {
            for (Subject s : subjects) {
                starts.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(start(launch.apply(s), s));
            }
        }
        return starts;
    }

    private static Launch cached(Path cache) {
        List<String> flags = new ArrayList<>(ServiceBenchmark.JVM);
        flags.add("-XX:AOTCache=" + cache.toAbsolutePath());
        return new Launch("JDK 25, AOT cache " + cache.getFileName(), JDK25, flags);
    }

    private double start(Launch launch, Subject s) throws Exception {
        try (Running r = Running.start(this, launch, s)) {
            return r.firstOk;
        }
    }

    /**
     * A training run on JDK 25 (-XX:AOTCacheOutput; the JVM writes the cache as it exits): the service's is the
     * image build's ({@link AotTraining#train}); the minimal function's, its requests as the benchmark sends them.
     */
    private Path train(Subject s) throws Exception {
        Path cache = out.resolve(s.name() + ".aot");
        Path log = log(s, new Launch("JDK 25 training", JDK25, ServiceBenchmark.JVM));
        if (s.token() != null) {
            AotTraining.train(JDK25, ServiceBenchmark.JVM, s.jar(), s.config(), s.token(), cache, log);
            return cache;
        }
        AotTraining.record(JDK25, ServiceBenchmark.JVM, s.jar(), s.config(), cache, log, (process, port) -> {
            ServiceBenchmark.Http http = new ServiceBenchmark.Http(vertx, port, null, 16);
            ServiceBenchmark.firstAnswer(process, () -> s.call(http), s.ok());
            for (int i = 0; i < TRAINING_REQUESTS; i++) {
                ServiceBenchmark.await(s.call(http));
            }
            http.close();
        });
        return cache;
    }

    /** Resident memory after {@link #MEMORY_AFTER} requests, then the CPU per request over the next ones. */
    private Map<String, Double> inUse(Launch launch, Subject s) throws Exception {
        try (Running r = Running.start(this, launch, s)) {
            for (int i = 0; i < MEMORY_AFTER; i++) {
                ServiceBenchmark.await(r.call());
            }
            double rss = r.process.residentBytes() / (1024.0 * 1024);
            if (System.getenv("BENCHMARK_HISTOGRAM") != null) {
                histogram(launch, r.process.pid(), s);
            }
            Duration before = r.process.cpu();
            long ok = ServiceBenchmark.burst(CPU_REQUESTS, CPU_CLIENTS, r::call, s.ok(), () -> { });
            Duration used = r.process.cpu().minus(before);
            if (ok != CPU_REQUESTS) {
                throw new IllegalStateException(s.name() + " answered " + ok + " of " + CPU_REQUESTS + " with " + s.ok());
            }
            return Map.of("residentMB", rss, "cpuMsPerRequest", used.toNanos() / 1e6 / CPU_REQUESTS,
                    "startSeconds", r.firstOk);
        }
    }

    /** BENCHMARK_HISTOGRAM set: the heap's classes at the memory point, to footprint-NAME-histogram-PID.txt. */
    private void histogram(Launch launch, long pid, Subject s) throws Exception {
        Path file = out.resolve("footprint-" + s.name() + "-histogram-" + pid + ".txt");
        new ProcessBuilder(launch.javaHome().resolve("bin/jcmd").toString(), String.valueOf(pid), "GC.class_histogram")
                .redirectErrorStream(true).redirectOutput(file.toFile()).start().waitFor();
    }

    private void compare(String name, Map<String, List<Double>> starts, double bound, Map<String, Object> results,
            Consumer<String[]> table) {
        double ours = median(starts.get("service"));
        double floor = median(starts.get("minimal"));
        results.put(name, Map.of("serviceStarts", starts.get("service"), "minimalStarts", starts.get("minimal"),
                "serviceMedian", ours, "minimalMedian", floor));
        ratioRow(name, String.format("%.2f s %s", ours, seconds(starts.get("service"))),
                String.format("%.2f s %s", floor, seconds(starts.get("minimal"))), ours / floor, bound, table);
    }

    private static void row(String name, Map<String, List<Map<String, Double>>> launches,
            Map<String, Map<String, Double>> use, String key, String format, String unit, double bound,
            Consumer<String[]> table) {
        double ours = use.get("service").get(key);
        double floor = use.get("minimal").get(key);
        ratioRow(name, String.format(format, ours) + unit + " " + each(launches.get("service"), key, format),
                String.format(format, floor) + unit + " " + each(launches.get("minimal"), key, format), ours / floor,
                bound, table);
    }

    private static String each(List<Map<String, Double>> launches, String key, String format) {
        return launches.stream().map(m -> String.format(format, m.get(key))).toList().toString();
    }

    /** A row of the service beside the minimal function: their ratio, held to {@code bound} when it is above 0. */
    private static void ratioRow(String name, String ours, String floor, double ratio, double bound,
            Consumer<String[]> table) {
        table.accept(new String[] {name, ours, "minimal " + floor, String.format("%.2f", ratio),
                bound > 0 ? "<= " + bound + " x" : "", bound > 0 ? ratio <= bound ? "met" : "not met" : ""});
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static String seconds(List<Double> values) {
        return values.stream().map(v -> String.format("%.2f", v)).toList().toString();
    }

    private Path log(Subject s, Launch launch) {
        return out.resolve("footprint-" + s.name() + "-" + launch.name().replaceAll("\\W+", "-") + ".log");
    }

    /** One started process of a subject, and a client calling it. */
    private static final class Running implements AutoCloseable {
        final ServiceProcess process;
        final ServiceBenchmark.Http http;
        final Subject subject;
        double firstOk;

        private Running(ServiceProcess process, ServiceBenchmark.Http http, Subject subject) {
            this.process = process;
            this.http = http;
            this.subject = subject;
        }

        static Running start(FootprintRun run, Launch launch, Subject s) throws Exception {
            int port = FreePorts.next();
            Map<String, String> config = new LinkedHashMap<>(s.config());
            config.put("quarkus.http.port", String.valueOf(port));
            ServiceProcess p = ServiceProcess.start(launch.javaHome(), launch.flags(), s.jar(), config,
                    run.log(s, launch));
            Running r = new Running(p, new ServiceBenchmark.Http(run.vertx, port, s.token(), 16), s);
            try {
                r.firstOk = ServiceBenchmark.firstAnswer(p, r::call, s.ok());
            } catch (RuntimeException | InterruptedException e) {
                r.close();
                throw e;
            }
            return r;
        }

        Future<String> call() {
            return subject.call(http);
        }

        @Override
        public void close() throws InterruptedException {
            http.close();
            process.close();
        }
    }
}
