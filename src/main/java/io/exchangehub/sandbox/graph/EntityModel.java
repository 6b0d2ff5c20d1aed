package io.exchangehub.sandbox.graph;

import io.exchangehub.sandbox.graph.query.EntityFields;
import io.exchangehub.sandbox.store.ItemOrder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the query options of one entity collection may name: the type's properties
 * ({@code $select}), its filterable fields, sortable paths, searchable texts and expandable navigations.
 *
 * @param typeName   the OData type, e.g. {@code microsoft.graph.message}
 * @param properties every property of the type
 * @param filter     the filterable fields, or null when the collection takes no {@code $filter}
 * @param sortable   lower-case path → store sort key
 * @param search     restrictable search properties (lower-case KQL names) → their texts; empty when no {@code $search}
 * @param freeText   the search properties free text is looked for in
 * @param expandable lower-case navigation paths {@code $expand} accepts
 * @param <T>        the store object filters and searches look at
 */
record EntityModel<T>(String typeName, Set<String> properties, EntityFields<T> filter, Map<String, ItemOrder.Property> sortable,
        Map<String, Function<T, List<String>>> search, List<String> freeText, Set<String> expandable) {

    /** The property's canonical spelling, or null when the type has none of that name. */
    String canonical(String name) {
        for (String property : properties) {
            if (property.equalsIgnoreCase(name)) {
                return property;
            }
        }
        return null;
    }
}
