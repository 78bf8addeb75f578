package io.privatelink.provisioner.soak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The service a crash test starts, kills and starts again, on its own data and ports. */
interface SoakService extends AutoCloseable {

    /** One caller sends all the load here: its CreateVpcEndpoint limit lifted. */
    Map<String, String> ONE_CALLER = Map.of(
            "privatelink.auth.rate-limit.per-second", "100000",
            "privatelink.auth.rate-limit.burst", "100000");

    /**
     * The waits that only add minutes in CI, shortened: an operation's next look after a second, a dead process's
     * claims (cloud calls, callback attempts) free again within seconds.
     */
    Map<String, String> BRISK = Map.of(
            "privatelink.retry.settle", "1s",
            "privatelink.retry.call-lease", "10s",
            "privatelink.callbacks.attempt-timeout", "3s",
            "privatelink.callbacks.lease-margin", "2s");

    /** A setting's name as an environment variable (SmallRye's mapping: upper case, "_" for the rest). */
    static String envName(String property) {
        return property.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** Starts the service and returns once it is ready. */
    Process start() throws Exception;

    int port();

    int simulatorPort();

    /** Where its data (and the caller's tokens and the callback secret, under auth/) are. */
    Path data();

    /** A provisioner's Authorization header. */
    String bearer() throws IOException;

    /** A publisher's (a service owner's) Authorization header, of the provisioner's tenant. */
    String publisherBearer() throws IOException;

    default HttpResponse<String> get(String path) throws Exception {
        return CrashRecoverySoak.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", bearer()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Waits (up to two minutes) until the started process answers ready. */
    default Process ready(Process process) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < end && process.isAlive()) {
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return process;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service did not start; see " + data().resolve("service.log"));
    }

    /** Stops the service once the test is done with it (and with it whatever it brought up). */
    default void stop(Process process) throws InterruptedException {
        process.destroy();
        process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Override
    default void close() {
    }
}
