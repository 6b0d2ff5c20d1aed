package io.exchangehub.api.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.exchangehub.api.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Answers a request for a path or method the contract does not have with a problem document,
 * before Camel's REST consumer sees it: that consumer takes every path under {@code /api/v1} and
 * answers those it has no operation for with an empty 404 or 405. The contract's paths decide:
 * no path of the document matches → 404; the path matches but not the method → 405 with
 * {@code Allow}. Paths outside the document that the hub serves under {@code /api/v1} (the docs
 * page, Graph's notification receiver) are passed through.
 */
public final class ContractPaths extends OncePerRequestFilter {

    private final String base;
    private final Map<PathPattern, Set<String>> operations = new LinkedHashMap<>();
    private final List<PathPattern> passThrough = new ArrayList<>();
    private final Problems problems;

    /**
     * @param contract    the API's contract
     * @param base        where its paths live ({@code /api/v1})
     * @param passThrough paths under the base that other handlers serve ({@code /api/v1/docs/**})
     */
    public ContractPaths(ApiContract contract, String base, List<String> passThrough, Problems problems) {
        this.base = base;
        this.problems = problems;
        PathPatternParser parser = PathPatternParser.defaultInstance;
        JsonNode paths = contract.json().get("paths");
        paths.fieldNames().forEachRemaining(path -> {
            Set<String> methods = new TreeSet<>();
            paths.get(path).fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(method)) {
                    methods.add(method.toUpperCase(Locale.ROOT));
                }
            });
            if (methods.contains("GET")) {
                methods.add("HEAD");
            }
            operations.put(parser.parse(path.equals("/") ? base : base + path), methods);
        });
        passThrough.forEach(path -> this.passThrough.add(parser.parse(path)));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (!path.equals(base) && !path.startsWith(base + "/")) {
            return true;
        }
        PathContainer container = PathContainer.parsePath(path);
        return passThrough.stream().anyMatch(pattern -> pattern.matches(container));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        Set<String> allowed = null;
        for (Map.Entry<PathPattern, Set<String>> operation : operations.entrySet()) {
            if (operation.getKey().matches(path)) {
                allowed = operation.getValue();
                break;
            }
        }
        if (allowed == null) {
            problems.write(request, response, Problems.Kind.NOT_FOUND, "The API has no such path.", Map.of());
        } else if (!allowed.contains(request.getMethod().toUpperCase(Locale.ROOT)) && !"OPTIONS".equals(request.getMethod())) {
            response.setHeader("Allow", String.join(", ", allowed));
            problems.write(request, response, Problems.Kind.METHOD_NOT_ALLOWED,
                    "The path takes " + String.join(", ", allowed) + ".", Map.of());
        } else {
            chain.doFilter(request, response);
        }
    }
}
