package io.exchangehub.sandbox.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver for the Graph face's notifications, as a CRM server would run one: it
 * echoes validation tokens (unless told not to), keeps every notification it gets by path,
 * and can refuse the first deliveries to make the sandbox retry.
 */
final class NotificationReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One delivery: the path it came to and its JSON body. */
    record Delivery(String path, JsonNode body) {}

    private final HttpServer server;
    final List<String> validations = new CopyOnWriteArrayList<>();
    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private volatile boolean validates = true;

    NotificationReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    /** Answers validations with the wrong token from now on. */
    NotificationReceiver failingValidation() {
        validates = false;
        return this;
    }

    /** Answers the next {@code count} notifications with 503. */
    NotificationReceiver refusing(int count) {
        refusals.set(count);
        return this;
    }

    /** The notifications (the {@code value} elements) delivered to a path. */
    List<JsonNode> notifications(String path) {
        List<JsonNode> result = new CopyOnWriteArrayList<>();
        for (Delivery delivery : deliveries) {
            if (delivery.path().equals(path)) {
                delivery.body().get("value").forEach(result::add);
            }
        }
        return result;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if (query != null && query.startsWith("validationToken=")) {
                String token = URLDecoder.decode(query.substring("validationToken=".length()), StandardCharsets.UTF_8);
                validations.add(exchange.getRequestURI().getPath());
                respond(exchange, 200, validates ? token : "not the token");
                return;
            }
            if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                respond(exchange, 503, "");
                return;
            }
            deliveries.add(new Delivery(exchange.getRequestURI().getPath(), JSON.readTree(body)));
            respond(exchange, 202, "");
        }
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
