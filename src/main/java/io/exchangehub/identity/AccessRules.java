package io.exchangehub.identity;

import io.exchangehub.identity.IdentityProperties.Access;
import io.exchangehub.identity.IdentityProperties.AccessRule;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The access rules of {@code /api/**} ({@code hub.identity.access}), first match wins. The API's routes
 * are declared elsewhere (YAML and the OpenAPI contract); which scope an operation needs is declared
 * here, as configuration, so that a new route is denied until a rule covers it.
 */
final class AccessRules {

    /** A rule with its patterns parsed. */
    record Rule(AccessRule source, Set<String> methods, List<PathPattern> patterns) {

        String name() {
            return source.name();
        }

        Access access() {
            return source.access();
        }

        boolean matches(String method, PathContainer path) {
            return (methods.isEmpty() || methods.contains(method)) && patterns.stream().anyMatch(p -> p.matches(path));
        }

        /** Whether a caller with these scopes (a user) or roles (an app) may perform the operation. */
        boolean grants(CallerContext caller) {
            return switch (access()) {
                case PUBLIC, AUTHENTICATED -> true;
                case SCOPED -> caller.appOnly()
                        ? source.roles().stream().anyMatch(caller.roles()::contains)
                        : source.scopes().stream().anyMatch(caller.scopes()::contains);
            };
        }

        String rateClass(String method) {
            if (source.rateClass() != null) {
                return source.rateClass();
            }
            return method.equals("GET") || method.equals("HEAD") ? "read" : "write";
        }

        DataSize maxBodySize(DataSize fallback) {
            return source.maxBodySize() != null ? source.maxBodySize() : fallback;
        }
    }

    private static final String MATCH_ATTRIBUTE = AccessRules.class.getName() + ".match";
    private static final Rule NONE = new Rule(null, Set.of(), List.of());

    private final List<Rule> rules;

    AccessRules(List<AccessRule> rules) {
        PathPatternParser parser = new PathPatternParser();
        this.rules = rules.stream().map(rule -> {
            if (rule.name() == null || rule.paths().isEmpty()) {
                throw new IllegalArgumentException("Every hub.identity.access rule needs a name and at least one path");
            }
            return new Rule(rule, Set.copyOf(rule.methods()), rule.paths().stream().map(parser::parse).toList());
        }).toList();
    }

    /** The first rule covering the method and path, or null. */
    Rule match(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        String upper = method.toUpperCase(java.util.Locale.ROOT);
        return rules.stream().filter(rule -> rule.matches(upper, container)).findFirst().orElse(null);
    }

    /** The rule of a request, looked up once and kept on the request for the filters after. */
    Rule match(HttpServletRequest request) {
        Object cached = request.getAttribute(MATCH_ATTRIBUTE);
        if (cached instanceof Rule rule) {
            return rule == NONE ? null : rule;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Rule rule = match(request.getMethod(), path);
        request.setAttribute(MATCH_ATTRIBUTE, rule == null ? NONE : rule);
        return rule;
    }
}
