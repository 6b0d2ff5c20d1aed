package io.exchangehub.sandbox.graph.query;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What {@code $filter} may say about one entity type: its scalar properties by path
 * ({@code from/emailAddress/address}), its collections that {@code any(…)} ranges over, and the
 * names of all its properties (so that a known property that cannot be filtered on is told
 * apart from a name the type does not have).
 *
 * @param <T> the store object the filter is evaluated on
 */
public final class EntityFields<T> {

    /** The types of filterable values, as the OData literals compared with them. */
    public enum Kind {
        STRING("Edm.String"), BOOLEAN("Edm.Boolean"), DATETIME("Edm.DateTimeOffset"), NUMBER("Edm.Int64"), ENUM("Edm.Enum");

        private final String edmName;

        Kind(String edmName) {
            this.edmName = edmName;
        }

        /** The OData type's name, for error messages. */
        public String edmName() {
            return edmName;
        }
    }

    /**
     * A filterable value of an object.
     *
     * @param kind     its type
     * @param accessor the value ({@link String}, {@link Boolean}, {@link Instant}, {@link Long}; enums as lower-case strings), or null
     * @param values   for {@link Kind#ENUM}: the allowed literals, lower-case
     */
    public record Field<T>(Kind kind, Function<T, Object> accessor, Set<String> values) {}

    /**
     * A collection {@code any(x: …)} ranges over.
     *
     * @param elements the elements of an object
     * @param fields   the elements' fields by path below the range variable; {@code ""} is the element itself
     */
    public record Collection<T, E>(Function<T, List<E>> elements, EntityFields<E> fields) {}

    private final String typeName;
    private final Set<String> properties;
    private final Map<String, Field<T>> fields = new LinkedHashMap<>();
    private final Map<String, Collection<T, ?>> collections = new LinkedHashMap<>();

    /**
     * @param typeName   the OData type, for error messages ({@code microsoft.graph.message})
     * @param properties every property name of the type
     */
    public EntityFields(String typeName, Set<String> properties) {
        this.typeName = typeName;
        this.properties = properties;
    }

    /** Adds a string field at a path ({@code subject}, {@code from/emailAddress/address}); returns this. */
    public EntityFields<T> string(String path, Function<T, String> accessor) {
        fields.put(path.toLowerCase(Locale.ROOT), new Field<>(Kind.STRING, accessor::apply, Set.of()));
        return this;
    }

    /** Adds a boolean field; returns this. */
    public EntityFields<T> bool(String path, Function<T, Boolean> accessor) {
        fields.put(path.toLowerCase(Locale.ROOT), new Field<>(Kind.BOOLEAN, accessor::apply, Set.of()));
        return this;
    }

    /** Adds a date-and-time field; returns this. */
    public EntityFields<T> dateTime(String path, Function<T, Instant> accessor) {
        fields.put(path.toLowerCase(Locale.ROOT), new Field<>(Kind.DATETIME, accessor::apply, Set.of()));
        return this;
    }

    /** Adds a number field; returns this. */
    public EntityFields<T> number(String path, Function<T, Long> accessor) {
        fields.put(path.toLowerCase(Locale.ROOT), new Field<>(Kind.NUMBER, accessor::apply, Set.of()));
        return this;
    }

    /** Adds an enumeration field with its allowed values, lower-case; returns this. */
    public EntityFields<T> enumeration(String path, Set<String> values, Function<T, String> accessor) {
        fields.put(path.toLowerCase(Locale.ROOT), new Field<>(Kind.ENUM, accessor::apply, values));
        return this;
    }

    /** Adds a collection that {@code any} and {@code all} range over; returns this. */
    public <E> EntityFields<T> collection(String path, Function<T, List<E>> elements, EntityFields<E> elementFields) {
        collections.put(path.toLowerCase(Locale.ROOT), new Collection<>(elements, elementFields));
        return this;
    }

    /** The OData type, e.g. {@code microsoft.graph.message}. */
    public String typeName() {
        return typeName;
    }

    /** Whether the type has a property of that name (case-insensitive), filterable or not. */
    public boolean hasProperty(String name) {
        for (String property : properties) {
            if (property.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    Field<T> field(String path) {
        return fields.get(path.toLowerCase(Locale.ROOT));
    }

    Collection<T, ?> collection(String path) {
        return collections.get(path.toLowerCase(Locale.ROOT));
    }
}
