package io.exchangehub.api.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.exchangehub.api.ApiException;
import io.exchangehub.api.HttpRequests;
import io.exchangehub.api.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.core.io.ClassPathResource;

/**
 * The API's contract, {@code config/openapi/exchange-hub-v1.yaml}, checked on every request before a
 * route does anything: parameters, headers and JSON bodies against the operation's schemas. A
 * request that breaks it is refused with a {@code validation} problem listing what is wrong where,
 * and nothing is changed anywhere.
 *
 * <p>Camel's own {@code clientRequestValidation} uses the same validator, but answers a refusal
 * itself, with a plain-text body and the request's headers copied into the response; the hub
 * calls the validator so that a refusal is a problem document like every other error.
 */
public final class ApiContract {

    /** The contract on the class path (packaged from {@code config/openapi/}). */
    public static final String LOCATION = "openapi/exchange-hub-v1.yaml";

    /** At most this many errors are listed in one problem. */
    static final int MAX_ERRORS = 20;

    /** Errors quote the offending value; a 4 MB string is not worth sending back whole. */
    static final int MAX_DETAIL = 240;

    /** The largest JSON body the contract allows (a 4 MB body plus its envelope). */
    static final int MAX_JSON_BODY = 8 * 1024 * 1024;

    /** Request headers the contract speaks about; others are not its business. */
    private static final List<String> CONTRACT_HEADERS = List.of("Content-Type", "If-Match", "If-None-Match", "Range");

    private static final byte[] UNREAD_FILE = {0};

    /**
     * The request attribute a filter sets on a request whose body a route streams itself (an
     * attachment upload): the body is a file whatever its media type says, and stays unread here.
     */
    public static final String STREAMED_BODY = ApiContract.class.getName() + ".streamedBody";

    private final OpenApiInteractionValidator validator;
    private final String specification;
    private final JsonNode document;

    public ApiContract() {
        this(read(LOCATION));
    }

    ApiContract(String specification) {
        this.specification = specification;
        try {
            this.document = new YAMLMapper().readTree(specification);
        } catch (IOException e) {
            throw new UncheckedIOException("The API contract is not YAML", e);
        }
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(specification)
                // who may call is decided by Spring Security before any route, not by the document
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.security.invalid", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** The contract as written (YAML). */
    public String specification() {
        return specification;
    }

    /** {@code GET /api/v1/openapi.json}: the contract as a JSON tree, for the exchange's body. */
    public JsonNode json() {
        return document;
    }

    /**
     * Checks the HTTP request an exchange carries. A JSON body is read (to a string, which stays
     * the body) to be checked; any other body (an attachment upload) is left unread and streamed.
     *
     * @throws ApiException a {@code validation} problem naming every error, when the request breaks the contract
     */
    public void validate(Exchange exchange) {
        Message message = exchange.getMessage();
        String method = message.getHeader(Exchange.HTTP_METHOD, "GET", String.class);
        String path = message.getHeader(Exchange.HTTP_URI, String.class);
        if (path == null) {
            throw new IllegalStateException("Not an HTTP request: no " + Exchange.HTTP_URI);
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), path);
        queryParameters(message.getHeader(Exchange.HTTP_QUERY, String.class)).forEach(request::withQueryParam);
        for (String header : CONTRACT_HEADERS) {
            String value = message.getHeader(header, String.class);
            if (value != null) {
                request.withHeader(header, value);
            }
        }
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, String.class);
        boolean hasBody = hasBody(exchange);
        if (hasBody && isJson(contentType) && !streamed(exchange)) {
            String body = jsonBody(message);
            message.setBody(body);
            request.withBody(body);
        } else if (hasBody) {
            // a file stays unread: the contract only says "binary", which any bytes are; one byte
            // stands for it, as the validator takes an empty body for a missing one
            request.withBody(UNREAD_FILE);
        }
        ValidationReport report = validator.validateRequest(request.build());
        if (report.hasErrors()) {
            throw refusal(report);
        }
    }

    /** Whether the request came with a body (by its framing, not by what Camel made of it). */
    static boolean hasBody(Exchange exchange) {
        HttpServletRequest request = HttpRequests.of(exchange);
        if (request != null) {
            return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        }
        return exchange.getMessage().getBody() != null;
    }

    private static boolean streamed(Exchange exchange) {
        HttpServletRequest request = HttpRequests.of(exchange);
        return request != null && request.getAttribute(STREAMED_BODY) != null;
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/json") || type.matches("application/[a-z0-9.+-]+\\+json.*");
    }

    private static String jsonBody(Message message) {
        Object body = message.getBody();
        if (body == null) {
            return "";
        }
        if (body instanceof String text) {
            return text;
        }
        try (InputStream in = message.getBody(InputStream.class)) {
            if (in == null) {
                return "";
            }
            byte[] bytes = in.readNBytes(MAX_JSON_BODY + 1);
            if (bytes.length > MAX_JSON_BODY) {
                throw new ApiException(Problems.Kind.PAYLOAD_TOO_LARGE, "A JSON body may have at most " + MAX_JSON_BODY + " bytes.");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The request body could not be read", e);
        }
    }

    /** The query string's parameters, decoded; a parameter given twice keeps both values. */
    public static Map<String, List<String>> queryParameters(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(Problems.Kind.VALIDATION, "The query string is not correctly percent-encoded.");
        }
    }

    private static ApiException refusal(ValidationReport report) {
        List<Map<String, String>> errors = new ArrayList<>();
        boolean mediaType = false;
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() != ValidationReport.Level.ERROR || errors.size() == MAX_ERRORS) {
                continue;
            }
            mediaType |= message.getKey().startsWith(CONTENT_TYPE_KEY);
            Map<String, String> error = new LinkedHashMap<>();
            error.put("pointer", pointer(message));
            error.put("detail", shortened(message.getMessage()));
            errors.add(error);
        }
        if (mediaType) {
            return new ApiException(Problems.Kind.UNSUPPORTED_MEDIA_TYPE, "The operation does not accept this Content-Type.", 0,
                    Map.of("errors", errors));
        }
        return new ApiException(Problems.Kind.VALIDATION, "The request does not match the API contract.", 0,
                Map.of("errors", errors));
    }

    private static final String CONTENT_TYPE_KEY = "validation.request.contentType";

    /** Where the error is: the parameter or header it concerns, or a JSON pointer into the body. */
    static String pointer(ValidationReport.Message message) {
        if (message.getKey().startsWith(CONTENT_TYPE_KEY)) {
            return "/header/Content-Type";
        }
        return message.getContext()
                .flatMap(context -> context.getParameter()
                        .map(parameter -> "/" + parameter.getIn() + "/" + parameter.getName())
                        .or(() -> message.getKey().startsWith("validation.request.body")
                                ? Optional.of("/body" + context.getPointers().map(ValidationReport.MessageContext.Pointers::getInstance).orElse(""))
                                : Optional.empty()))
                .orElse("/");
    }

    static String shortened(String detail) {
        String oneLine = detail.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL - 1) + "…";
    }

    private static String read(String location) {
        try (InputStream in = new ClassPathResource(location).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The API contract " + location + " is missing from the class path", e);
        }
    }
}
