package io.privatelink.provisioner.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The endpoints the simulated cloud has created, indexed by id and by ClientToken. Each creation is appended to a
 * journal file (one JSON line) before it is answered, so a restart or a kill -9 of the process forgets nothing.
 */
final class EndpointStore implements AutoCloseable {

    private final ObjectMapper json;
    private final Map<String, SimulatedEndpoint> byId = new HashMap<>();
    private final Map<String, SimulatedEndpoint> byClientToken = new HashMap<>();
    private final FileChannel journal;

    EndpointStore(ObjectMapper json, Path journalFile) {
        this.json = json;
        try {
            if (journalFile == null) {
                journal = null;
                return;
            }
            Files.createDirectories(journalFile.toAbsolutePath().getParent());
            if (Files.exists(journalFile)) {
                replay(journalFile);
            }
            journal = FileChannel.open(journalFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void replay(Path journalFile) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(journalFile)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    index(json.readValue(line, SimulatedEndpoint.class));
                }
            }
        }
    }

    private void index(SimulatedEndpoint endpoint) {
        byId.put(endpoint.endpointId(), endpoint);
        if (endpoint.clientToken() != null) {
            byClientToken.put(endpoint.clientToken(), endpoint);
        }
    }

    synchronized Optional<SimulatedEndpoint> byId(String endpointId) {
        return Optional.ofNullable(byId.get(endpointId));
    }

    synchronized Optional<SimulatedEndpoint> byClientToken(String clientToken) {
        return Optional.ofNullable(clientToken == null ? null : byClientToken.get(clientToken));
    }

    synchronized long countInVpc(String vpcId) {
        return byId.values().stream().filter(e -> e.vpcId().equals(vpcId)).count();
    }

    synchronized Collection<SimulatedEndpoint> all() {
        return java.util.List.copyOf(byId.values());
    }

    synchronized void add(SimulatedEndpoint endpoint) {
        if (journal != null) {
            try {
                byte[] line = (json.writeValueAsString(endpoint) + "\n").getBytes(StandardCharsets.UTF_8);
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    journal.write(buffer);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        index(endpoint);
    }

    @Override
    public synchronized void close() {
        if (journal != null) {
            try {
                journal.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
