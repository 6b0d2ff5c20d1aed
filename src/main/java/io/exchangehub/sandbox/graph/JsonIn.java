package io.exchangehub.sandbox.graph;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exchangehub.sandbox.store.Body;
import io.exchangehub.sandbox.store.Recipient;
import io.exchangehub.sandbox.store.StoreException;
import io.exchangehub.sandbox.store.TimeZones;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reading Graph request bodies: the JSON itself (size-limited like Graph's 4 MB requests), and
 * each property as its Edm type, with OData's answers to what does not fit
 * ({@code BadRequest} for unreadable JSON, {@code RequestBodyRead} for unknown properties and
 * literals of the wrong type). Nothing is applied until everything has been read.
 */
final class JsonIn {

    /** Graph's request limit is 4 MB; a 3 MB attachment in base64 with its JSON must fit. */
    static final int MAX_BODY = 4 * 1024 * 1024 + 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonIn() {}

    /** The request body as a JSON object. */
    static ObjectNode object(HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_BODY) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw tooLarge();
            }
            if (bytes.length == 0) {
                throw unreadable();
            }
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw unreadable();
            }
            return (ObjectNode) node;
        } catch (JsonParseException e) {
            throw unreadable();
        } catch (IOException e) {
            throw unreadable();
        }
    }

    /** The request body as a JSON object, or an empty one when there is none (actions with optional parameters). */
    static ObjectNode optionalObject(HttpServletRequest request) {
        if (request.getContentLengthLong() == 0) {
            return JSON.createObjectNode();
        }
        return object(request);
    }

    private static GraphException tooLarge() {
        return new GraphException(413, "RequestEntityTooLarge", "The maximum request length supported is 4MB.");
    }

    static GraphException unreadable() {
        return GraphException.badRequest("BadRequest",
                "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
    }

    static GraphException unknownProperty(String name, String type) {
        return GraphException.bodyRead("The property '" + name + "' does not exist on type '" + type
                + "'. Make sure to only use property names that are defined by the type or mark the type as open type.");
    }

    /**
     * A literal of the wrong type. Graph quotes the literal; the sandbox does not, because it may
     * be a subject or a body, and error messages travel into clients' logs.
     */
    private static GraphException literal(String edmType) {
        return GraphException.bodyRead("Cannot convert the literal to the expected type '" + edmType + "'.");
    }

    /** Whether a body property is an OData annotation ({@code @odata.type}, {@code @odata.etag}, …). */
    static boolean isAnnotation(String name) {
        return name.startsWith("@") || name.contains("@odata.");
    }

    /**
     * An action's parameters, case-insensitively as Graph reads them ({@code Comment} or {@code comment}).
     *
     * @param allowed the parameter names, in their documented spelling
     */
    static Map<String, JsonNode> parameters(ObjectNode body, String action, String... allowed) {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (isAnnotation(field.getKey())) {
                continue;
            }
            String name = null;
            for (String candidate : allowed) {
                if (candidate.equalsIgnoreCase(field.getKey())) {
                    name = candidate;
                }
            }
            if (name == null) {
                throw GraphException.bodyRead("The parameter '" + field.getKey() + "' in the request payload is not a valid "
                        + "parameter for the operation '" + action + "'.");
            }
            result.put(name, field.getValue());
        }
        return result;
    }

    static String string(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw literal("Edm.String");
        }
        return value.asText();
    }

    static String requiredString(JsonNode value, String name) {
        String text = string(value);
        if (text == null) {
            throw GraphException.badRequest("ErrorInvalidRequest", "The property '" + name + "' is required.");
        }
        return text;
    }

    static boolean bool(JsonNode value) {
        if (value == null || !value.isBoolean()) {
            throw literal("Edm.Boolean");
        }
        return value.booleanValue();
    }

    static int int32(JsonNode value) {
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw literal("Edm.Int32");
        }
        return value.intValue();
    }

    static long int64(JsonNode value) {
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw literal("Edm.Int64");
        }
        return value.longValue();
    }

    static List<String> strings(JsonNode value) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw literal("Collection(Edm.String)");
        }
        List<String> result = new ArrayList<>();
        for (JsonNode element : value) {
            result.add(string(element));
        }
        return List.copyOf(result);
    }

    /** A value of a Graph enum type, matched case-insensitively to the store's constant of the same lowerCamel name. */
    static <E extends Enum<E>> E enumeration(JsonNode value, Class<E> type, String graphType) {
        String text = string(value);
        if (text != null) {
            for (E constant : type.getEnumConstants()) {
                if (GraphJson.camel(constant).equalsIgnoreCase(text)) {
                    return constant;
                }
            }
        }
        throw literal(graphType);
    }

    /** {@code emailAddress}: {@code {"name","address"}}. */
    static Recipient emailAddress(JsonNode value) {
        if (value == null || !value.isObject()) {
            throw literal("microsoft.graph.emailAddress");
        }
        String address = null;
        String name = null;
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            switch (field.getKey()) {
                case "address" -> address = string(field.getValue());
                case "name" -> name = string(field.getValue());
                default -> {
                    if (!isAnnotation(field.getKey())) {
                        throw unknownProperty(field.getKey(), "microsoft.graph.emailAddress");
                    }
                }
            }
        }
        return new Recipient(name, address == null ? "" : address.strip());
    }

    /** {@code recipient}: {@code {"emailAddress":{…}}}. */
    static Recipient recipient(JsonNode value) {
        if (value == null || !value.isObject()) {
            throw literal("microsoft.graph.recipient");
        }
        Recipient recipient = null;
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("emailAddress")) {
                recipient = emailAddress(field.getValue());
            } else if (!isAnnotation(field.getKey()) && !field.getKey().equals("type") && !field.getKey().equals("status")) {
                throw unknownProperty(field.getKey(), "microsoft.graph.recipient");
            }
        }
        if (recipient == null || recipient.address().isEmpty()) {
            throw GraphException.badRequest("ErrorInvalidRecipients", "A recipient needs an emailAddress with an address.");
        }
        return recipient;
    }

    static List<Recipient> recipients(JsonNode value) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw literal("Collection(microsoft.graph.recipient)");
        }
        List<Recipient> result = new ArrayList<>();
        for (JsonNode element : value) {
            result.add(recipient(element));
        }
        return result;
    }

    /** {@code itemBody}: {@code {"contentType":"html|text","content"}}. */
    static Body body(JsonNode value) {
        if (value == null || !value.isObject()) {
            throw literal("microsoft.graph.itemBody");
        }
        Body.BodyType type = Body.BodyType.TEXT;
        String content = "";
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            switch (field.getKey()) {
                case "contentType" -> type = enumeration(field.getValue(), Body.BodyType.class, "microsoft.graph.bodyType");
                case "content" -> {
                    String text = string(field.getValue());
                    content = text == null ? "" : text;
                }
                default -> {
                    if (!isAnnotation(field.getKey())) {
                        throw unknownProperty(field.getKey(), "microsoft.graph.itemBody");
                    }
                }
            }
        }
        return new Body(type, content);
    }

    /** Edm.DateTimeOffset. */
    static Instant dateTimeOffset(JsonNode value) {
        String text = string(value);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneId.of("UTC")).toInstant();
            } catch (DateTimeParseException e2) {
                throw literal("Edm.DateTimeOffset");
            }
        }
    }

    /** Edm.Date. */
    static LocalDate date(JsonNode value) {
        String text = string(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw literal("Edm.Date");
        }
    }

    /**
     * {@code dateTimeTimeZone}: a wall-clock time in a Windows or IANA zone (UTC when none).
     * A {@code dateTime} with its own offset is taken as that instant.
     */
    static ZonedDateTime dateTimeTimeZone(JsonNode value) {
        if (value == null || !value.isObject()) {
            throw literal("microsoft.graph.dateTimeTimeZone");
        }
        String dateTime = null;
        String zoneName = null;
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            switch (field.getKey()) {
                case "dateTime" -> dateTime = string(field.getValue());
                case "timeZone" -> zoneName = string(field.getValue());
                default -> {
                    if (!isAnnotation(field.getKey())) {
                        throw unknownProperty(field.getKey(), "microsoft.graph.dateTimeTimeZone");
                    }
                }
            }
        }
        if (dateTime == null) {
            throw GraphException.badRequest("ErrorInvalidRequest", "A dateTimeTimeZone needs a dateTime.");
        }
        ZoneId zone;
        try {
            zone = zoneName == null || zoneName.isBlank() ? ZoneId.of("UTC") : TimeZones.zone(zoneName);
        } catch (StoreException e) {
            throw GraphException.badRequest("TimeZoneNotSupportedException",
                    "A valid TimeZone value must be specified. The following TimeZone value is not supported: '" + zoneName + "'.");
        }
        try {
            return LocalDateTime.parse(dateTime).atZone(zone);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(dateTime).atZoneSameInstant(zone);
            } catch (DateTimeParseException e2) {
                throw literal("Edm.String (a date and time)");
            }
        }
    }

    /** Checks an entity's body: every property is of the type, annotations aside. */
    static void checkProperties(ObjectNode body, Set<String> properties, String type) {
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!isAnnotation(name) && !properties.contains(name)) {
                throw unknownProperty(name, type);
            }
        }
    }

    static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
