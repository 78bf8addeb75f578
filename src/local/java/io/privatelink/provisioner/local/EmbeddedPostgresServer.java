package io.privatelink.provisioner.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Real PostgreSQL binaries run as child processes, with their data folder kept between runs.
 * zonky's builder turns synchronous_commit off; a store that answers 202 only after a durable commit turns it back on.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "privatelink";
    public static final String USER = "postgres";

    private final Path baseDir;
    private final int port;
    private final boolean stopOnJvmExit;
    private EmbeddedPostgres postgres;

    /**
     * @param stopOnJvmExit whether zonky's own shutdown hook stops the server; off when the caller orders the
     *        shutdown itself (the service must stop before its database does)
     */
    public EmbeddedPostgresServer(Path baseDir, int port, boolean stopOnJvmExit) {
        this.baseDir = baseDir;
        this.port = port;
        this.stopOnJvmExit = stopOnJvmExit;
    }

    public EmbeddedPostgresServer start() {
        try {
            Path dataDir = baseDir.resolve("data");
            Path workDir = baseDir.resolve("binaries");
            Files.createDirectories(workDir);
            StalePostmaster.stopIfRunning(dataDir, workDir);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(workDir.toFile())
                    .setPort(port)
                    .setRegisterShutdownHook(stopOnJvmExit)
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("max_connections", "200")
                    .start();
            createDatabaseIfMissing();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE, e);
        }
    }

    public int port() {
        return port;
    }

    public String reactiveUrl() {
        return "postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    @Override
    public void close() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            postgres = null;
        }
    }
}
