package io.exchangehub.sandbox.graph;

import io.exchangehub.sandbox.store.Body;
import java.util.Set;

/**
 * How entities are written in one response: the {@code $select}ed properties (null: the type's
 * default set), the body type and time zone the client prefers, and what is expanded.
 *
 * @param select            canonical property names, or null for the default set
 * @param bodyType          the body type to convert to, or null for the stored one
 * @param zone              the zone event times are written in
 * @param expandAttachments {@code $expand=attachments}
 * @param expandItem        {@code $expand=microsoft.graph.itemattachment/item}
 * @param withType          write {@code @odata.type} on every entity (delta and mixed collections)
 */
record Projection(Set<String> select, Body.BodyType bodyType, Preferences.OutputZone zone, boolean expandAttachments,
        boolean expandItem, boolean withType) {

    static final Projection DEFAULT = new Projection(null, null, Preferences.OutputZone.UTC, false, false, false);

    /** A property of the default set: written unless a {@code $select} leaves it out. */
    boolean wants(String property) {
        return select == null || select.contains(property);
    }

    /** A property written only when selected. */
    boolean selected(String property) {
        return select != null && select.contains(property);
    }

    Projection withSelect(Set<String> newSelect) {
        return new Projection(newSelect, bodyType, zone, expandAttachments, expandItem, withType);
    }

    Projection typed() {
        return new Projection(select, bodyType, zone, expandAttachments, expandItem, true);
    }
}
