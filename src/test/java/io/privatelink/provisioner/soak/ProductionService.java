package io.privatelink.provisioner.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.privatelink.provisioner.local.LocalIssuer;
import io.privatelink.provisioner.local.LocalStack;
import io.privatelink.fixtures.FreePorts;

/**
 * The production artifact (target/quarkus-app, built before the tests) as its own process, beside a broker, a
 * database and a simulator this JVM runs: a kill -9 takes down the service alone, as in production, where the broker
 * and the database outlive it. The waits that only add minutes are short (BRISK; endpoints Active after a second).
 */
final class ProductionService implements SoakService {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    /** One kill -9 test at a time beside the suite: two would take the suite's second core from it. */
    static final String LOCK = "production-service";

    private final Path data;
    private final int port;
    private final LocalStack stack;
    private final Map<String, String> config = new LinkedHashMap<>();
    private String bearer;

    ProductionService() {
        try {
            data = Files.createTempDirectory(Path.of("target"), "crash-");
            port = FreePorts.next();
            stack = LocalStack.start(data, new LocalStack.Ports(FreePorts.next(),
                    FreePorts.next(), FreePorts.next(), 0),
                    s -> s.withActiveAfter(Duration.ofSeconds(1)).withDeletedAfter(Duration.ofSeconds(1)), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.putAll(stack.serviceConfig());
        config.put("quarkus.http.port", String.valueOf(port));
        config.putAll(ONE_CALLER);
        config.putAll(BRISK);
    }

    @Override
    public Process start() throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is built before the tests (process-test-classes): run these with "
                    + "mvn test");
        }
        // C1 alone and the serial collector: a service that lives for seconds, beside the suite on two cores, starts
        // sooner without the optimizing compiler's and G1's threads.
        List<String> command = new ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dvertx.disableURIValidation=true"));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", JAR.toString()));
        return ready(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("service.log").toFile())).start());
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public int simulatorPort() {
        return stack.simulator().port();
    }

    @Override
    public Path data() {
        return data;
    }

    @Override
    public synchronized String bearer() {
        if (bearer == null) {
            bearer = "Bearer " + stack.issuer().token("crash-provisioner", LocalIssuer.TENANT, Duration.ofHours(1),
                    "provisioner");
        }
        return bearer;
    }

    @Override
    public String publisherBearer() {
        return "Bearer " + stack.issuer().token("crash-publisher", LocalIssuer.TENANT, Duration.ofHours(1),
                "publisher");
    }

    /** Nothing of the stack lives in the service's process: once the test is done, a kill -9 is enough. */
    @Override
    public void stop(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        stack.close();
    }
}
