package io.privatelink.provisioner.soak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** The service a crash test starts, kills and starts again, on its own data and ports. */
interface SoakService extends AutoCloseable {

    /** Starts the service and returns once it is ready. */
    Process start() throws Exception;

    int port();

    int simulatorPort();

    /** Where its data (and the caller's tokens and the callback secret, under auth/) are. */
    Path data();

    /** A provisioner's Authorization header. */
    String bearer() throws IOException;

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
