package io.privatelink.provisioner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.privatelink.provisioner.local.LocalStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts the embedded default (real Kafka, real PostgreSQL, the simulator) on free ports for the test run. */
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    private static LocalStack stack;
    /** The database password the service is given: the database trusts local connections, so it is only a marker. */
    public static final String DB_PASSWORD = "db-password-" + java.util.UUID.randomUUID();

    /** The running stack, for tests that talk to the broker, the database or the simulator directly. */
    public static LocalStack stack() {
        return stack;
    }

    @Override
    public Map<String, String> start() {
        try {
            Path dataDir = Files.createTempDirectory(Path.of("target"), "local-stack-");
            stack = LocalStack.start(dataDir, new LocalStack.Ports(freePort(), freePort(), freePort(), 0),
                    Duration.ofSeconds(2), true);
            Map<String, String> config = new java.util.LinkedHashMap<>(stack.serviceConfig());
            config.put("quarkus.datasource.password", DB_PASSWORD);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
