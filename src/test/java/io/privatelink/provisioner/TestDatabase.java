package io.privatelink.provisioner;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the embedded PostgreSQL directly, to check what the service did (or did not) record. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static long count(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(LocalStackResource.stack().jdbcUrl(), "postgres", "");
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
