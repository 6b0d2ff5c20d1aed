package io.exchangehub.sandbox.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exchangehub.sandbox.web.Connections;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /$batch}: up to {@value #MAX_REQUESTS} requests, each forwarded inside the
 * servlet container to the same handlers a single request reaches (so each goes through
 * authentication, throttling and fault switches of its own), in an order that respects
 * {@code dependsOn}; a request whose dependency failed is answered 424 without running.
 * Responses carry each request's id, status, headers and body (JSON as JSON, anything else
 * base64), in the order they ran.
 */
@RestController
@RequestMapping(GraphInterceptor.ROOT)
class BatchController {

    static final int MAX_REQUESTS = 20;
    /** Marks the request of a batch part, for the fault switches. */
    static final String PART = BatchController.class.getName() + ".part";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PATCH", "PUT", "DELETE");

    private static final Logger log = LoggerFactory.getLogger(BatchController.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Part(String id, String method, String url, Map<String, String> headers, byte[] body, List<String> dependsOn) {}

    @PostMapping("/$batch")
    @GraphOperation("batch")
    void batch(GraphContext context, HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Part> parts = order(parse(JsonIn.object(request)));
        ArrayNode responses = GraphJson.NODES.arrayNode();
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (Part part : parts) {
            ObjectNode answer = responses.addObject();
            answer.put("id", part.id());
            boolean failedDependency = part.dependsOn().stream().anyMatch(d -> statuses.get(d) / 100 != 2);
            if (failedDependency) {
                statuses.put(part.id(), 424);
                answer.put("status", 424);
                answer.set("body", GraphErrors.body("FailedDependency", "A request this one depends on failed.",
                        context.requestId(), context.clientRequestId()));
                continue;
            }
            BatchParts.Request partRequest = new BatchParts.Request(request, part.method(), part.headers(), part.body());
            BatchParts.Response partResponse = new BatchParts.Response(response);
            forward(request, part, partRequest, partResponse);
            if (partRequest.getAttribute(GraphFaults.DROPPED) != null) {
                Connections.drop(response, "application/json");
                return;
            }
            statuses.put(part.id(), partResponse.status());
            answer.put("status", partResponse.status());
            ObjectNode headers = answer.putObject("headers");
            partResponse.headers().forEach((name, value) -> {
                if (!name.equalsIgnoreCase("Content-Length")) {
                    headers.put(name, value);
                }
            });
            byte[] body = partResponse.body();
            if (body.length > 0) {
                answer.set("body", body(body, partResponse.getContentType()));
            }
        }
        ObjectNode result = GraphJson.NODES.objectNode();
        result.set("responses", responses);
        byte[] bytes = JSON.writeValueAsBytes(result);
        response.setStatus(200);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static void forward(HttpServletRequest request, Part part, BatchParts.Request partRequest,
            BatchParts.Response partResponse) throws IOException {
        RequestDispatcher dispatcher = request.getRequestDispatcher(GraphInterceptor.ROOT + part.url());
        try {
            dispatcher.forward(partRequest, partResponse);
        } catch (ServletException | RuntimeException e) {
            log.error("A $batch request failed in the container", e);
            partResponse.setStatus(500);
            partResponse.setContentType("application/json");
            GraphContext context = GraphContext.of(partRequest);
            byte[] error = JSON.writeValueAsBytes(GraphErrors.body("InternalServerError", "An internal server error occurred.",
                    context == null ? "" : context.requestId(), context == null ? "" : context.clientRequestId()));
            partResponse.getOutputStream().write(error);
        }
    }

    private static JsonNode body(byte[] body, String contentType) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                log.debug("A $batch response body is not JSON; sending it as base64");
            }
        }
        return GraphJson.NODES.textNode(Base64.getEncoder().encodeToString(body));
    }

    private static List<Part> parse(ObjectNode batch) {
        JsonNode requests = batch.get("requests");
        if (requests == null || !requests.isArray() || requests.isEmpty()) {
            throw GraphException.badRequest("BadRequest", "A batch needs a non-empty 'requests' array.");
        }
        if (requests.size() > MAX_REQUESTS) {
            throw GraphException.badRequest("BadRequest", "Number of batch requests exceeds the maximum limit of " + MAX_REQUESTS
                    + ".");
        }
        List<Part> parts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode node : requests) {
            if (!node.isObject()) {
                throw GraphException.badRequest("BadRequest", "Each batch request must be a JSON object.");
            }
            String id = JsonIn.requiredString(node.get("id"), "id");
            if (!ids.add(id)) {
                throw GraphException.badRequest("BadRequest", "Batch request ids must be unique; '" + id + "' is used twice.");
            }
            String method = JsonIn.requiredString(node.get("method"), "method").toUpperCase(Locale.ROOT);
            if (!METHODS.contains(method)) {
                throw GraphException.badRequest("BadRequest", "The method '" + method + "' of batch request '" + id
                        + "' is not supported.");
            }
            parts.add(new Part(id, method, url(JsonIn.requiredString(node.get("url"), "url"), id), headers(node.get("headers")),
                    body(node.get("body")), dependsOn(node.get("dependsOn"))));
        }
        for (Part part : parts) {
            for (String dependency : part.dependsOn()) {
                if (!ids.contains(dependency)) {
                    throw GraphException.badRequest("BadRequest", "Batch request '" + part.id() + "' depends on '" + dependency
                            + "', which is not in the batch.");
                }
            }
        }
        return parts;
    }

    /**
     * A URL relative to the service root, e.g. {@code /me/messages?$top=1}; never absolute, never
     * another batch. The Graph SDK's {@code BatchRequestContent} makes a step's URL by cutting the
     * first five characters of its path, assuming a root of {@code /v1.0}; behind the sandbox's
     * longer root that leaves a head ending in {@code v1.0/}, which is dropped here.
     */
    private static String url(String url, String id) {
        String relative = url.strip();
        if (relative.contains("://")) {
            throw GraphException.badRequest("BadRequest", "The URL of batch request '" + id + "' must be relative to the service root.");
        }
        String path = relative.contains("?") ? relative.substring(0, relative.indexOf('?')) : relative;
        int version = path.toLowerCase(Locale.ROOT).lastIndexOf("v1.0/");
        if (version >= 0) {
            relative = relative.substring(version + 4);
        }
        if (!relative.startsWith("/")) {
            relative = "/" + relative;
        }
        if (relative.toLowerCase(Locale.ROOT).startsWith("/$batch")) {
            throw GraphException.badRequest("BadRequest", "A batch cannot contain another batch.");
        }
        return relative;
    }

    private static Map<String, String> headers(JsonNode headers) {
        Map<String, String> result = new LinkedHashMap<>();
        if (headers == null || headers.isNull()) {
            return result;
        }
        if (!headers.isObject()) {
            throw GraphException.badRequest("BadRequest", "The headers of a batch request must be a JSON object.");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = headers.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equalsIgnoreCase("Authorization")) {
                result.put(field.getKey(), field.getValue().asText());
            }
        }
        return result;
    }

    private static byte[] body(JsonNode body) {
        if (body == null || body.isNull()) {
            return new byte[0];
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw JsonIn.unreadable();
        }
    }

    private static List<String> dependsOn(JsonNode dependsOn) {
        if (dependsOn == null || dependsOn.isNull()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        if (!dependsOn.isArray()) {
            throw GraphException.badRequest("BadRequest", "dependsOn must be an array of request ids.");
        }
        dependsOn.forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** The parts in an order where each comes after what it depends on; a cycle is refused. */
    private static List<Part> order(List<Part> parts) {
        List<Part> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        List<Part> pending = new ArrayList<>(parts);
        while (!pending.isEmpty()) {
            Part next = pending.stream().filter(p -> done.containsAll(p.dependsOn())).findFirst()
                    .orElseThrow(() -> GraphException.badRequest("BadRequest", "The dependsOn of the batch requests form a cycle."));
            pending.remove(next);
            ordered.add(next);
            done.add(next.id());
        }
        return ordered;
    }
}
