package io.privatelink.provisioner.job;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The query of a page of managed resources (endpoints, services), newest first: its filters, each one only when given,
 * and where the previous page ended (by creation time, then key).
 */
final class ListingQuery {

    private final StringBuilder where = new StringBuilder("true");
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** Only rows whose {@code field} is {@code value}; no filter for a null value. */
    ListingQuery equal(String field, Object value) {
        if (value != null) {
            where.append(" and ").append(field).append(" = :").append(field);
            parameters.put(field, value);
        }
        return this;
    }

    /** Only rows after the previous page's last (null: from the newest). */
    ListingQuery after(Instant createdAt, String key) {
        if (createdAt != null) {
            where.append(" and (createdAt < :afterCreatedAt or (createdAt = :afterCreatedAt and resourceKey < :afterKey))");
            parameters.put("afterCreatedAt", createdAt);
            parameters.put("afterKey", key);
        }
        return this;
    }

    String query() {
        return where + " order by createdAt desc, resourceKey desc";
    }

    Map<String, Object> parameters() {
        return parameters;
    }
}
