package io.exchangehub.sandbox.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exchangehub.sandbox.store.Body;
import io.exchangehub.sandbox.store.Recipient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** Graph's JSON spellings of values every entity type uses. */
final class GraphJson {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** {@code dateTimeTimeZone.dateTime}: local time with seven fractional digits, as Graph writes it. */
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS");
    /** What Graph writes for a time never set, e.g. a response status without an answer. */
    static final String NEVER = "0001-01-01T00:00:00Z";

    private GraphJson() {}

    /** Edm.DateTimeOffset, in UTC to the second: {@code 2026-03-02T12:00:00Z}. */
    static String instant(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String etag(String changeKey) {
        return "W/\"" + changeKey + "\"";
    }

    /** A weak or strong ETag (or a bare change key) from an If-Match header, as a change key. */
    static String changeKeyOf(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        return tag;
    }

    static ObjectNode emailAddress(Recipient recipient) {
        ObjectNode address = NODES.objectNode();
        address.put("name", recipient.name().isEmpty() ? recipient.address() : recipient.name());
        address.put("address", recipient.address());
        return address;
    }

    static ObjectNode recipient(Recipient recipient) {
        ObjectNode node = NODES.objectNode();
        node.set("emailAddress", emailAddress(recipient));
        return node;
    }

    static ArrayNode recipients(List<Recipient> recipients) {
        ArrayNode array = NODES.arrayNode();
        recipients.forEach(r -> array.add(recipient(r)));
        return array;
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    static ObjectNode body(Body body, Body.BodyType wanted) {
        Body shown = body.as(wanted);
        ObjectNode node = NODES.objectNode();
        node.put("contentType", shown.type() == Body.BodyType.HTML ? "html" : "text");
        node.put("content", shown.content());
        return node;
    }

    /** A {@code dateTimeTimeZone} of an instant in the zone the client asked for. */
    static ObjectNode dateTimeTimeZone(Instant instant, Preferences.OutputZone zone) {
        return dateTimeTimeZone(LocalDateTime.ofInstant(instant, zone.zone()), zone.name());
    }

    static ObjectNode dateTimeTimeZone(LocalDateTime local, String zoneName) {
        ObjectNode node = NODES.objectNode();
        node.put("dateTime", local.format(LOCAL));
        node.put("timeZone", zoneName);
        return node;
    }

    /** An enum constant in Graph's lowerCamel spelling: {@code WORKING_ELSEWHERE} → {@code workingElsewhere}. */
    static String camel(Enum<?> value) {
        String[] parts = value.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            name.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return name.toString();
    }

    static String webLink(String id, String viewModel) {
        return "https://outlook.office365.com/owa/?ItemID=" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                + "&exvsurl=1&viewmodel=" + viewModel;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
