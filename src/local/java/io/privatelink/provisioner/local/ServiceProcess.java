package io.privatelink.provisioner.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Quarkus application in its own JVM, configured by system properties: the production artifact (target/quarkus-app)
 * unless told another (the minimal function of src/baseline).
 */
public final class ServiceProcess implements AutoCloseable {

    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    /** USER_HZ, which /proc's CPU times count in: 100 on every Linux this runs on (getconf CLK_TCK). */
    private static final long CLOCK_TICKS = 100;

    private final Process process;
    public final long startedNanos;

    private ServiceProcess(Process process, long startedNanos) {
        this.process = process;
        this.startedNanos = startedNanos;
    }

    /**
     * Starts the service with {@code config} in a properties file only its owner reads (not on the command line,
     * which every user of the machine can list), and stops it when this JVM exits.
     */
    public static ServiceProcess start(List<String> jvmFlags, Map<String, String> config, Path log) throws IOException {
        return start(Path.of(System.getProperty("java.home")), jvmFlags, JAR, config, log);
    }

    /** The application {@code jar} on the JDK at {@code javaHome}. */
    public static ServiceProcess start(Path javaHome, List<String> jvmFlags, Path jar, Map<String, String> config, Path log)
            throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with mvn package first");
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
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString()));
        command.addAll(jvmFlags);
        command.add("-Dquarkus.config.locations=" + file.toAbsolutePath().toUri());
        command.addAll(List.of("-jar", jar.toString()));
        long started = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        return new ServiceProcess(p, started);
    }

    /** Waits for the process to end on its own, up to {@code limit}; its exit code. */
    public int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("still running after " + limit);
        }
        return process.exitValue();
    }

    /** Asks the process to stop (SIGTERM) and waits up to {@code limit} for it to exit; its exit code. */
    public int stop(Duration limit) throws InterruptedException {
        process.destroy();
        return awaitExit(limit);
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** CPU time the process has used so far (user and system), from /proc (Linux). */
    public Duration cpu() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        // Fields after the command's closing parenthesis: state is the 3rd field, utime the 14th, stime the 15th.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return Duration.ofMillis(ticks * 1000 / CLOCK_TICKS);
    }

    /** The process' id, for tools that attach to it (jcmd). */
    public long pid() {
        return process.pid();
    }

    /** Resident memory now, from /proc (Linux). */
    public long residentBytes() throws IOException {
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
