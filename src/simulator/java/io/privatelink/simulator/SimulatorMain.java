package io.privatelink.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;

/**
 * The simulator on its own, for any tool that speaks Alibaba Cloud's RPC protocol (an SDK, the aliyun CLI with
 * --endpoint). Configured from the environment; runs until Ctrl-C or SIGTERM.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(env("SIMULATOR_PORT", "8089"));
        Path data = Path.of(env("SIMULATOR_DATA", ".local-data/simulator"));
        PrivateLinkSimulator.Settings defaults = PrivateLinkSimulator.Settings.defaults(port, data);
        String seed = env("SIMULATOR_SEED", "");
        String faults = env("SIMULATOR_FAULTS", "");
        PrivateLinkSimulator.Settings settings = new PrivateLinkSimulator.Settings(env("SIMULATOR_HOST", "127.0.0.1"),
                port, accessKeys(env("SIMULATOR_ACCESS_KEYS", "")),
                duration(env("SIMULATOR_ACTIVE_AFTER", "3s")),
                Integer.parseInt(env("SIMULATOR_ACTIVE_AFTER_POLLS", "0")),
                duration(env("SIMULATOR_DELETED_AFTER", "3s")),
                seed.isEmpty() ? null : Path.of(seed), data,
                faults.isEmpty() ? Faults.none() : new ObjectMapper().readValue(faults, Faults.class));
        Vertx vertx = Vertx.vertx();
        PrivateLinkSimulator simulator = PrivateLinkSimulator.start(vertx, settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }, "simulator-stop"));
        Thread.currentThread().join();
    }

    /** "id:secret,id2:secret2"; empty means the documented default pair. */
    private static Map<String, String> accessKeys(String text) {
        if (text.isBlank()) {
            return PrivateLinkSimulator.Settings.defaults(0, null).accessKeys();
        }
        Map<String, String> keys = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            String[] parts = pair.split(":", 2);
            keys.put(parts[0].trim(), parts[1].trim());
        }
        return keys;
    }

    private static Duration duration(String text) {
        return Duration.parse("PT" + text.toUpperCase(Locale.ROOT));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
