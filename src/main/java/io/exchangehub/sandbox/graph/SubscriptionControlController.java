package io.exchangehub.sandbox.graph;

import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /sandbox/graph-control/subscriptions/{id}/lifecycle} with
 * {@code {"event":"missed"|"subscriptionRemoved"|"reauthorizationRequired"}}: makes the sandbox
 * send that lifecycle notification now, for tests of a client's lifecycle handling.
 * {@code subscriptionRemoved} also removes the subscription, which then sends nothing more.
 * Sandbox-only and unauthenticated, like {@code /sandbox/faults}; answers 202, 404 for an
 * unknown subscription, 400 for an unknown event or a subscription without a lifecycle URL.
 */
@RestController
class SubscriptionControlController {

    private static final Set<String> EVENTS = Set.of("missed", "subscriptionRemoved", "reauthorizationRequired");

    private final GraphSubscriptions subscriptions;

    SubscriptionControlController(GraphSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @PostMapping(path = "/sandbox/graph-control/subscriptions/{id}/lifecycle", consumes = "application/json")
    ResponseEntity<ProblemDetail> lifecycle(@PathVariable String id, @RequestBody Map<String, String> request) {
        String event = request.get("event");
        if (event == null || !EVENTS.contains(event)) {
            return problem(HttpStatus.BAD_REQUEST, "The event must be one of " + EVENTS + ".");
        }
        Subscription subscription = subscriptions.get(id);
        if (subscription == null) {
            return problem(HttpStatus.NOT_FOUND, "No subscription has the id " + id + ".");
        }
        if (subscription.lifecycleNotificationUrl == null) {
            return problem(HttpStatus.BAD_REQUEST, "The subscription has no lifecycleNotificationUrl.");
        }
        if (event.equals("subscriptionRemoved")) {
            subscriptions.remove(id);
        }
        subscriptions.lifecycle(subscription, event);
        return ResponseEntity.accepted().build();
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
