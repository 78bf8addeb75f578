package io.privatelink.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A journal of JSON lines, each a record as it now is, appended before a change is answered: replayed in order at
 * start, so a restart or a kill -9 forgets nothing. A line cut short by a crash mid-write ends the replay. Without a
 * file (a simulator without a data folder) it keeps nothing.
 */
final class Journal<T> implements AutoCloseable {

    private final ObjectMapper json;
    private final Path file;
    private FileChannel channel;

    Journal(ObjectMapper json, Path file, Class<T> type, Consumer<T> replayed) {
        this.json = json;
        this.file = file;
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (Files.exists(file)) {
                replay(type, replayed);
            }
            channel = open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FileChannel open() throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private void replay(Class<T> type, Consumer<T> replayed) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    replayed.accept(json.readValue(line, type));
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // A line cut short by a crash mid-write is the end of the journal; what came before it stands.
        }
    }

    synchronized void append(T item) {
        if (channel == null) {
            return;
        }
        try {
            ByteBuffer line = ByteBuffer.wrap((json.writeValueAsString(item) + "\n").getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) {
                channel.write(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties the journal on purpose (the simulator's reset). */
    synchronized void reset() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
            Files.deleteIfExists(file);
            channel = open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
