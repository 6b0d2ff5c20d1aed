package io.exchangehub.sandbox.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The envelopes of Graph answers: {@code @odata.context}, collections with their links, and the status codes. */
final class GraphResponses {

    private GraphResponses() {}

    static ObjectNode entity(GraphContext context, String fragment, ObjectNode entity) {
        ObjectNode node = GraphJson.NODES.objectNode();
        node.put("@odata.context", context.metadata(fragment));
        node.setAll(entity);
        return node;
    }

    static ObjectNode collection(GraphContext context, String fragment, ArrayNode values, String nextLink, Long count) {
        ObjectNode node = GraphJson.NODES.objectNode();
        node.put("@odata.context", context.metadata(fragment));
        if (count != null) {
            node.put("@odata.count", count);
        }
        if (nextLink != null) {
            node.put("@odata.nextLink", nextLink);
        }
        node.set("value", values);
        return node;
    }

    static ResponseEntity<JsonNode> ok(GraphContext context, JsonNode body) {
        return respond(context, HttpStatus.OK, body);
    }

    static ResponseEntity<JsonNode> created(GraphContext context, JsonNode body) {
        return respond(context, HttpStatus.CREATED, body);
    }

    static ResponseEntity<JsonNode> accepted() {
        return ResponseEntity.accepted().build();
    }

    static ResponseEntity<JsonNode> noContent() {
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<JsonNode> respond(GraphContext context, HttpStatus status, JsonNode body) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        String applied = context.preferences().applied();
        if (applied != null) {
            builder.header("Preference-Applied", applied);
        }
        return builder.body(body);
    }
}
