package io.exchangehub.sandbox.graph.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exchangehub.sandbox.graph.GraphException;
import io.exchangehub.sandbox.store.ItemOrder;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderByTest {

    private static final Map<String, ItemOrder.Property> SORTABLE = Map.of("receiveddatetime", ItemOrder.Property.RECEIVED,
            "subject", ItemOrder.Property.SUBJECT, "from/emailaddress/name", ItemOrder.Property.FROM,
            "importance", ItemOrder.Property.IMPORTANCE);
    private static final Set<String> PROPERTIES = Set.of("receivedDateTime", "subject", "from", "importance", "body");

    private static OrderBy parse(String text) {
        return OrderBy.parse(text, SORTABLE, "microsoft.graph.message", name -> PROPERTIES.stream().anyMatch(name::equalsIgnoreCase));
    }

    @Test
    void keysKeepTheirOrderAndDirections() {
        OrderBy order = parse("receivedDateTime desc, from/emailAddress/name,subject asc");
        assertThat(order.keys()).containsExactly(new ItemOrder.Key(ItemOrder.Property.RECEIVED, true),
                new ItemOrder.Key(ItemOrder.Property.FROM, false), new ItemOrder.Key(ItemOrder.Property.SUBJECT, false));
        assertThat(order.paths()).containsExactly("receiveddatetime", "from/emailaddress/name", "subject");
    }

    @Test
    void severalKeysMakeOneCanonicalComparator() {
        assertThat(ItemOrder.of(parse("importance desc,subject").keys())).isSameAs(ItemOrder.of(parse("IMPORTANCE desc, Subject").keys()));
    }

    @Test
    void unknownUnsortableAndMalformedOrdersAreRefused() {
        assertThatThrownBy(() -> parse("colour")).isInstanceOfSatisfying(GraphException.class,
                e -> assertThat(e.code()).isEqualTo("RequestBroker--ParseUri"));
        assertThatThrownBy(() -> parse("body")).isInstanceOfSatisfying(GraphException.class,
                e -> assertThat(e.code()).isEqualTo("ErrorInvalidProperty"));
        assertThatThrownBy(() -> parse("subject upwards")).isInstanceOfSatisfying(GraphException.class,
                e -> assertThat(e.code()).isEqualTo("BadRequest"));
        assertThatThrownBy(() -> parse("subject,importance,receivedDateTime,from/emailAddress/name"))
                .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.code()).isEqualTo("ErrorInvalidUrlQuery"));
    }
}
