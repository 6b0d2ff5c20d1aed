package io.exchangehub.sandbox.graph;

import io.exchangehub.sandbox.fault.FaultRule;
import io.exchangehub.sandbox.fault.SandboxFaults;
import io.exchangehub.sandbox.web.Connections;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The fault switches as Graph would show them: the rule's latency, then BUSY as 429
 * {@code TooManyRequests} with {@code Retry-After} (seconds, rounded up), HTTP_ERROR as that
 * status with a Graph error, DROP as a broken connection (inside {@code $batch}, the whole
 * batch's connection breaks).
 */
@Component
class GraphFaults {

    /** Set on a {@code $batch} part whose fault says to drop the connection. */
    static final String DROPPED = GraphFaults.class.getName() + ".dropped";

    private final SandboxFaults faults;

    GraphFaults(SandboxFaults faults) {
        this.faults = faults;
    }

    /**
     * Applies the first matching switch.
     *
     * @return false when the switch answered the request (the connection was dropped)
     * @throws GraphException the error the switch answers with
     */
    boolean apply(HttpServletRequest request, HttpServletResponse response, String user, String operation) throws IOException {
        Optional<FaultRule> match = faults.take("graph", user, operation);
        if (match.isEmpty()) {
            return true;
        }
        FaultRule rule = match.get();
        SandboxFaults.delay(rule);
        switch (rule.fault()) {
            case BUSY -> throw new GraphException(429, "TooManyRequests", "Please retry again later.")
                    .header("Retry-After", Long.toString((rule.backOffMs() + 999) / 1000));
            case HTTP_ERROR -> throw httpError(rule.status());
            case DROP -> {
                if (request.getAttribute(BatchController.PART) != null) {
                    request.setAttribute(DROPPED, Boolean.TRUE);
                } else {
                    Connections.drop(response, "application/json");
                }
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    private static GraphException httpError(int status) {
        return switch (status) {
            case 500 -> new GraphException(500, "InternalServerError", "An internal server error occurred.");
            case 502 -> new GraphException(502, "BadGateway", "The server received an invalid response from an upstream server.");
            case 503 -> new GraphException(503, "ServiceUnavailable", "The service is temporarily unavailable. Please retry later.");
            case 504 -> new GraphException(504, "GatewayTimeout", "The operation timed out.");
            default -> new GraphException(status, status >= 500 ? "UnknownError" : "BadRequest", "The request failed.");
        };
    }
}
