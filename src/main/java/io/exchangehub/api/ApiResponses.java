package io.exchangehub.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangehub.api.http.Etags;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * How API routes answer: JSON with its entity tag (a 304 when the client's copy is current),
 * 201 with a {@code Location}, 202 and 204 without a body. What a route's steps left in the
 * message (component headers, the canonical record) does not leave the hub.
 */
public final class ApiResponses {

    /** Where the API lives, for {@code Location} headers. */
    public static final String BASE = "/api/v1";

    private final ObjectMapper json;

    public ApiResponses(ObjectMapper json) {
        this.json = json;
    }

    /** 200 with the JSON of a list or other representation without a version: its tag is a digest. */
    public void ok(Exchange exchange, Object representation) {
        byte[] body = write(representation);
        respond(exchange, 200, body, Etags.ofContent(body));
    }

    /** 200 with the message body (a representation a step made) as JSON. */
    public void body(Exchange exchange) {
        ok(exchange, exchange.getMessage().getBody());
    }

    /** 200 with the JSON of one item, tagged with its backend version. */
    public void ok(Exchange exchange, Object representation, String etag) {
        respond(exchange, 200, write(representation), etag);
    }

    /** 201 with the new item, where it is, and its tag. */
    public void created(Exchange exchange, Object representation, String location, String etag) {
        respond(exchange, 201, write(representation), etag);
        exchange.getMessage().setHeader("Location", BASE + location);
    }

    /** 201 with the new item and where it is; it has no version of its own, its tag is a digest. */
    public void created(Exchange exchange, Object representation, String location) {
        byte[] body = write(representation);
        respond(exchange, 201, body, Etags.ofContent(body));
        exchange.getMessage().setHeader("Location", BASE + location);
    }

    /** 202: the backend took the request (a send, an answer to a meeting). */
    public void accepted(Exchange exchange) {
        empty(exchange, 202);
    }

    /** 204: done, nothing to show. */
    public void noContent(Exchange exchange) {
        empty(exchange, 204);
    }

    private void respond(Exchange exchange, int status, byte[] body, String etag) {
        Message message = exchange.getMessage();
        clear(message);
        message.setHeader("ETag", etag);
        if (status == 200 && Etags.matchesNoneMatch(exchange.getProperty(IF_NONE_MATCH, String.class), etag)) {
            empty(exchange, 304);
            message.setHeader("ETag", etag);
            return;
        }
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(body);
    }

    private static void empty(Exchange exchange, int status) {
        Message message = exchange.getMessage();
        clear(message);
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        // without a type of its own, the REST binding would set the contract's list of response
        // types, which is no media type
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(null);
    }

    /** The request's {@code If-None-Match}, kept before a route's steps clear the headers. */
    public static final String IF_NONE_MATCH = "hubIfNoneMatch";

    /**
     * Remembers the conditional headers of the request. Called first in every route (by the
     * contract check), since steps in between replace the message's headers.
     */
    public static void remember(Exchange exchange) {
        String ifNoneMatch = exchange.getMessage().getHeader("If-None-Match", String.class);
        if (ifNoneMatch != null) {
            exchange.setProperty(IF_NONE_MATCH, ifNoneMatch);
        }
    }

    private static void clear(Message message) {
        message.removeHeaders("*", Exchange.HTTP_RESPONSE_CODE);
    }

    private byte[] write(Object representation) {
        try {
            return json.writeValueAsString(representation).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A representation could not be written as JSON", e);
        }
    }
}
