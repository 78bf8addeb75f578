package io.privatelink.provisioner.job;

import java.time.Instant;

import io.vertx.mutiny.sqlclient.Tuple;

/** A statement's conditions given so far, each with its positional parameter: a filter only where a value is given. */
final class SqlWhere {

    final StringBuilder sql = new StringBuilder("true");
    final Tuple values = Tuple.tuple();

    /** The next parameter's position. */
    int next() {
        return values.size() + 1;
    }

    /** Only the rows of this owner (null: everyone's). */
    SqlWhere owner(JobOwner owner) {
        if (owner != null) {
            sql.append(" and caller_tenant = $").append(next()).append(" and caller_subject = $").append(next() + 1);
            values.addString(owner.tenant()).addString(owner.subject());
        }
        return this;
    }

    SqlWhere equal(String column, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = $").append(next());
            values.addString(value);
        }
        return this;
    }

    SqlWhere equal(String column, Enum<?> value) {
        return equal(column, value == null ? null : value.name());
    }

    /** Only rows after the previous page's last, newest first (none given: from the newest). */
    SqlWhere after(Instant createdAt, String keyColumn, String key) {
        if (createdAt != null) {
            sql.append(" and (created_at, ").append(keyColumn).append(") < ($").append(next()).append(", $")
                    .append(next() + 1).append(')');
            values.addOffsetDateTime(JobRows.utc(createdAt)).addString(key);
        }
        return this;
    }

    SqlWhere compare(String columnAndOperator, Instant value) {
        if (value != null) {
            sql.append(" and ").append(columnAndOperator).append(" $").append(next());
            values.addOffsetDateTime(JobRows.utc(value));
        }
        return this;
    }

    /** The statement's end: its order and a limit, the limit's value the last parameter. */
    String limit(String orderBy, int limit) {
        values.addInteger(limit);
        return sql + " order by " + orderBy + " limit $" + values.size();
    }
}
