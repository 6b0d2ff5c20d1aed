package io.exchangehub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.exchangehub.HubIntegrationTest;
import io.exchangehub.api.contract.ApiContract;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Base of the REST API's end-to-end tests: real HTTP against the running hub, with tokens the
 * sandbox issuer signs for its users. Every JSON answer is checked against the contract
 * ({@code config/openapi/exchange-hub-v1.yaml}), so a test fails when the hub and its documented
 * API disagree, whatever the test itself asserts.
 */
public abstract class ApiIntegrationTest extends HubIntegrationTest {

    private static final OpenApiInteractionValidator CONTRACT = OpenApiInteractionValidator
            .createForInlineApiSpecification(new ApiContract().specification())
            // a whole message is a summary and more (allOf): checked as the one object it is
            .withResolveCombinators(true)
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                    // a request for a path or method outside the contract has no documented answer to check
                    .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                    .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                    .withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.ERROR)
                    .build())
            .build();

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    /** An answer of the API: its status, headers and body. */
    public record Answer(int status, HttpResponse<String> response) {

        public JsonNode json() {
            return readJson(response.body());
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String body() {
            return response.body();
        }
    }

    /** A token for the hub's API for a sandbox user, reused across tests (they last an hour). */
    protected String tokenOf(String user) {
        return TOKENS.computeIfAbsent(user, this::apiToken);
    }

    protected Answer get(String user, String path) {
        return call(user, "GET", path, null, Map.of());
    }

    protected Answer get(String user, String path, Map<String, String> headers) {
        return call(user, "GET", path, null, headers);
    }

    protected Answer post(String user, String path, String json) {
        return call(user, "POST", path, json, Map.of());
    }

    protected Answer patch(String user, String path, String json, Map<String, String> headers) {
        return call(user, "PATCH", path, json, headers);
    }

    protected Answer delete(String user, String path) {
        return call(user, "DELETE", path, null, Map.of());
    }

    /** One call of the API as {@code user} (null: without a token); its answer is checked against the contract. */
    protected Answer call(String user, String method, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1" + path));
        if (user != null) {
            request.header("Authorization", "Bearer " + tokenOf(user));
        }
        headers.forEach(request::header);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = send(request.build());
        checkAgainstContract(method, path, response);
        return new Answer(response.statusCode(), response);
    }

    private static void checkAgainstContract(String method, String path, HttpResponse<String> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.startsWith("application/json") && !contentType.startsWith("application/problem+json")) {
            return;
        }
        if (response.statusCode() == 304 || response.body().isEmpty()) {
            return;
        }
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode())
                .withContentType(contentType)
                .withBody(response.body());
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name, String.join(",", values)));
        headers.forEach(answer::withHeader);
        ValidationReport report = CONTRACT.validateResponse("/api/v1" + bare, Request.Method.valueOf(method), answer.build());
        assertThat(report.getMessages()).as("%s %s answered %s, which the contract does not allow: %s", method, path,
                response.statusCode(), response.body().length() > 2000 ? response.body().substring(0, 2000) : response.body())
                .filteredOn(message -> message.getLevel() == ValidationReport.Level.ERROR).isEmpty();
    }
}
