package io.privatelink.provisioner.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) in this JVM, on the BOM's Kafka version.
 * Its log directory is formatted once and reused, so topics and offsets survive a restart.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    public EmbeddedKafkaBroker(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public EmbeddedKafkaBroker start() {
        try {
            Files.createDirectories(dataDir);
            Properties props = brokerProperties();
            Path configFile = dataDir.resolve("server.properties");
            try (Writer out = Files.newBufferedWriter(configFile)) {
                props.store(out, "embedded KRaft broker");
            }
            if (!Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
                format(configFile);
            }
            server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
            server.startup();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Properties brokerProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("logs").toString());
        p.put("num.partitions", "4");
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    private void format(Path configFile) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String clusterId = Uuid.randomUuid().toString();
        int rc = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", configFile.toString()},
                new PrintStream(captured, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("Kafka storage format failed: " + captured.toString(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }
}
