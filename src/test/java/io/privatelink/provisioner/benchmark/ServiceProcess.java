package io.privatelink.provisioner.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The production artifact (target/quarkus-app) in its own JVM, configured by system properties. */
final class ServiceProcess implements AutoCloseable {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private final Process process;
    final long startedNanos;

    private ServiceProcess(Process process, long startedNanos) {
        this.process = process;
        this.startedNanos = startedNanos;
    }

    /**
     * Starts the service with {@code config} in a properties file only its owner reads (not on the command line,
     * which every user of the machine can list), and stops it when this JVM exits.
     */
    static ServiceProcess start(List<String> jvmFlags, Map<String, String> config, Path log) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: build it with mvn package first");
        }
        Path file = log.resolveSibling(log.getFileName() + ".properties");
        Files.deleteIfExists(file);
        Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        java.util.Properties properties = new java.util.Properties();
        properties.putAll(config);
        try (var writer = Files.newBufferedWriter(file)) {
            properties.store(writer, "the benchmark's service configuration");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmFlags);
        command.add("-Dquarkus.config.locations=" + file.toAbsolutePath().toUri());
        command.addAll(List.of("-jar", JAR.toString()));
        long started = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        return new ServiceProcess(p, started);
    }

    /** Waits for the process to end on its own, up to {@code limit}; its exit code. */
    int awaitExit(java.time.Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("still running after " + limit);
        }
        return process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Resident memory now, from /proc (Linux). */
    long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
