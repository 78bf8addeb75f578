package io.privatelink.provisioner.job;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * An entity's columns as its mapping names them (its fields not transient; a @Column's name, else the field's in
 * snake case, as Quarkus names them), for the statements written without the ORM: an API instance runs with the ORM
 * inactive, so its reads and writes go through the reactive client with these. The key comes first. The job's own
 * row is described by JobColumn.
 */
final class EntityColumns<T> {

    static final EntityColumns<JobHistoryEntry> HISTORY = of("vpc_endpoint_job_history", JobHistoryEntry.class,
            JobHistoryEntry::new);
    static final EntityColumns<JobEvent> EVENT = of("vpc_endpoint_job_event", JobEvent.class, JobEvent::new);
    static final EntityColumns<Callback> CALLBACK = of("vpc_endpoint_callback", Callback.class, Callback::new);
    static final EntityColumns<ManagedEndpoint> ENDPOINT = of("managed_endpoint", ManagedEndpoint.class,
            ManagedEndpoint::new);
    static final EntityColumns<ManagedService> SERVICE = of("managed_service", ManagedService.class,
            ManagedService::new);

    private record Mapped(String name, Field field, boolean generated) {
    }

    private final String table;
    private final Supplier<T> create;
    private final List<Mapped> all;
    /** Those a statement writes: not the database's identities, not a column the mapping never writes. */
    private final List<Mapped> written;

    private EntityColumns(String table, Class<T> type, Supplier<T> create) {
        this.table = table;
        this.create = create;
        this.all = Arrays.stream(type.getDeclaredFields())
                .filter(EntityColumns::mapped)
                .sorted((a, b) -> Boolean.compare(!a.isAnnotationPresent(Id.class), !b.isAnnotationPresent(Id.class)))
                .map(f -> new Mapped(name(f), f, f.isAnnotationPresent(GeneratedValue.class)
                        || (f.getAnnotation(Column.class) != null && !f.getAnnotation(Column.class).insertable())))
                .toList();
        this.written = all.stream().filter(c -> !c.generated()).toList();
    }

    /**
     * A mapped field: declared public (Panache makes it protected as it adds its accessors), neither static nor
     * transient (the enhancer's own fields are).
     */
    private static boolean mapped(Field f) {
        int m = f.getModifiers();
        if (Modifier.isPrivate(m) || Modifier.isStatic(m) || Modifier.isTransient(m)
                || f.isAnnotationPresent(Transient.class)) {
            return false;
        }
        f.setAccessible(true);
        return true;
    }

    static <T> EntityColumns<T> of(String table, Class<T> type, Supplier<T> create) {
        return new EntityColumns<>(table, type, create);
    }

    static String name(Field field) {
        Column column = field.getAnnotation(Column.class);
        if (column != null && !column.name().isEmpty()) {
            return column.name();
        }
        return field.getName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** The entity as its row holds it. */
    T read(Row row) {
        T entity = create.get();
        for (Mapped c : all) {
            try {
                c.field().set(entity, value(row, c.name(), c.field().getType()));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return entity;
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Object value(Row row, String column, Class<?> type) {
        if (type == String.class) {
            return row.getString(column);
        }
        if (type == Instant.class) {
            return JobRows.instant(row.getOffsetDateTime(column));
        }
        if (type == int.class || type == Integer.class) {
            Integer n = row.getInteger(column);
            return n == null && type == int.class ? 0 : n;
        }
        if (type == long.class || type == Long.class) {
            Long n = row.getLong(column);
            return n == null && type == long.class ? 0L : n;
        }
        if (type.isEnum()) {
            String name = row.getString(column);
            return name == null ? null : Enum.valueOf((Class) type, name);
        }
        throw new IllegalStateException("no reading of " + type + " for " + column);
    }

    /** The written columns' values of the entity, in their order, as a statement's parameters. */
    Tuple values(T entity) {
        Tuple tuple = Tuple.tuple();
        parameters(entity).forEach(tuple::addValue);
        return tuple;
    }

    /** The written columns' values of the entity, in their order, as a statement takes them. */
    List<Object> parameters(T entity) {
        List<Object> values = new ArrayList<>(written.size());
        for (Mapped c : written) {
            try {
                Object value = c.field().get(entity);
                values.add(value instanceof Instant at ? JobRows.utc(at) : value instanceof Enum<?> e ? e.name() : value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return values;
    }

    /** Inserts a row of the written columns (values: {@link #values}); returns the row's key. */
    String insert() {
        return "insert into " + table + " (" + writtenNames() + ") values (" + placeholders() + ") returning "
                + all.get(0).name();
    }

    /** Inserts the row, or writes every written column over the one under the same key. */
    String upsert() {
        String key = written.get(0).name();
        String set = String.join(", ", written.stream().skip(1).map(c -> c.name() + " = excluded." + c.name())
                .toList());
        return "insert into " + table + " (" + writtenNames() + ") values (" + placeholders() + ") on conflict (" + key
                + ") do update set " + set;
    }

    private String writtenNames() {
        return String.join(", ", written.stream().map(Mapped::name).toList());
    }

    private String placeholders() {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= written.size(); i++) {
            s.append(i > 1 ? ", $" : "$").append(i);
        }
        return s.toString();
    }

    /** Writes every written column but the key (the first parameter) over the row under the key. */
    String update() {
        StringBuilder set = new StringBuilder();
        for (int i = 1; i < written.size(); i++) {
            set.append(i > 1 ? ", " : "").append(written.get(i).name()).append(" = $").append(i + 1);
        }
        return "update " + table + " set " + set + " where " + written.get(0).name() + " = $1";
    }

    /** The first row's entity; null for none. */
    T first(RowSet<Row> rows) {
        RowIterator<Row> it = rows.iterator();
        return it.hasNext() ? read(it.next()) : null;
    }

    List<T> list(RowSet<Row> rows) {
        List<T> found = new ArrayList<>(rows.size());
        rows.forEach(row -> found.add(read(row)));
        return found;
    }

    /** Every column's name, the key's first. */
    List<String> names() {
        return all.stream().map(Mapped::name).toList();
    }
}
