package io.exchangehub.sandbox.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exchangehub.sandbox.issuer.SandboxCaller;
import io.exchangehub.sandbox.store.Change;
import io.exchangehub.sandbox.store.Mailbox;
import io.exchangehub.sandbox.store.SandboxStore;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /subscriptions}: create (after validating the notification URLs), list and get the
 * caller's subscriptions, renew (PATCH {@code expirationDateTime}), delete, and
 * {@code reauthorize}. Resources: {@code me/} or {@code users/{id}/} followed by
 * {@code messages}, {@code mailFolders('{id or name}')/messages}, {@code events} or {@code contacts}.
 */
@RestController
@RequestMapping(GraphInterceptor.ROOT)
class SubscriptionController {

    private static final Pattern RESOURCE = Pattern.compile(
            "/?(?:(me)|users/([^/]+))/(messages|events|contacts|mailfolders(?:\\('([^']+)'\\)|/([^/]+))/messages)",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> PROPERTIES = Set.of("changeType", "notificationUrl", "lifecycleNotificationUrl", "resource",
            "expirationDateTime", "clientState", "latestSupportedTlsVersion", "includeResourceData", "encryptionCertificate",
            "encryptionCertificateId", "notificationQueryOptions", "notificationUrlAppId", "id", "applicationId", "creatorId");
    private static final int MAX_CLIENT_STATE = 128;

    private final SandboxStore store;
    private final GraphSubscriptions subscriptions;

    SubscriptionController(SandboxStore store, GraphSubscriptions subscriptions) {
        this.store = store;
        this.subscriptions = subscriptions;
    }

    @PostMapping("/subscriptions")
    @GraphOperation("createSubscription")
    ResponseEntity<JsonNode> create(GraphContext context, HttpServletRequest request) {
        ObjectNode input = JsonIn.object(request);
        JsonIn.checkProperties(input, PROPERTIES, "microsoft.graph.subscription");
        String resource = JsonIn.requiredString(input.get("resource"), "resource");
        Set<String> changeTypes = changeTypes(JsonIn.requiredString(input.get("changeType"), "changeType"));
        String notificationUrl = url(JsonIn.requiredString(input.get("notificationUrl"), "notificationUrl"), "notificationUrl");
        String lifecycleUrl = input.hasNonNull("lifecycleNotificationUrl")
                ? url(JsonIn.string(input.get("lifecycleNotificationUrl")), "lifecycleNotificationUrl") : null;
        Instant expiration = JsonIn.dateTimeOffset(input.get("expirationDateTime"));
        if (expiration == null) {
            throw GraphException.badRequest("InvalidRequest", "The property 'expirationDateTime' is required.");
        }
        subscriptions.checkExpiration(expiration);
        String clientState = JsonIn.string(input.get("clientState"));
        if (clientState != null && clientState.length() > MAX_CLIENT_STATE) {
            throw GraphException.badRequest("InvalidRequest", "The clientState can have at most 128 characters.");
        }
        if (input.hasNonNull("includeResourceData") && JsonIn.bool(input.get("includeResourceData"))) {
            throw GraphException.badRequest("InvalidRequest", "Notifications with resource data need an encryption certificate, "
                    + "which the sandbox does not take; subscribe without includeResourceData.");
        }
        String tls = input.hasNonNull("latestSupportedTlsVersion") ? JsonIn.string(input.get("latestSupportedTlsVersion")) : "v1_2";
        Target target = target(context.caller(), resource);
        subscriptions.validate(notificationUrl);
        if (lifecycleUrl != null && !lifecycleUrl.equals(notificationUrl)) {
            subscriptions.validate(lifecycleUrl);
        }
        Subscription subscription = new Subscription(UUID.randomUUID().toString(), resource, target.mailbox(), target.kind(),
                target.folderId(), changeTypes, notificationUrl, lifecycleUrl, clientState, context.caller().appId(),
                context.caller().objectId(), tls, expiration);
        subscriptions.add(subscription);
        return GraphResponses.created(context, json(context, subscription));
    }

    /**
     * What a subscription watches.
     *
     * @param mailbox  the mailbox
     * @param kind     messages, events or contacts
     * @param folderId the mail folder, or null for the whole mailbox
     */
    private record Target(Mailbox mailbox, Change.ObjectKind kind, String folderId) {}

    private Target target(SandboxCaller caller, String resource) {
        Matcher matcher = RESOURCE.matcher(resource.strip());
        if (!matcher.matches()) {
            throw GraphException.badRequest("InvalidRequest", "The resource '" + resource + "' is not supported. Subscribe to "
                    + "me/messages, me/mailFolders('{id}')/messages, me/events or me/contacts, or the same under users/{id}.");
        }
        Mailbox mailbox;
        if (matcher.group(1) != null) {
            if (caller.appOnly()) {
                throw GraphException.badRequest("BadRequest", "/me request is only valid with delegated authentication flow.");
            }
            mailbox = store.mailbox(caller.upn());
        } else {
            String user = matcher.group(2).replaceAll("^\\('|'\\)$", "");
            mailbox = GraphInterceptor.findMailbox(store, user).orElseThrow(() -> new GraphException(404, "ErrorInvalidUser",
                    "The requested user '" + user + "' is invalid."));
        }
        String collection = matcher.group(3).toLowerCase(Locale.ROOT);
        Change.ObjectKind kind = collection.equals("events") ? Change.ObjectKind.EVENT
                : collection.equals("contacts") ? Change.ObjectKind.CONTACT : Change.ObjectKind.MESSAGE;
        GraphInterceptor.authorize(caller, mailbox, switch (kind) {
            case EVENT -> GraphOperation.Permission.CALENDARS;
            case CONTACT -> GraphOperation.Permission.CONTACTS;
            default -> GraphOperation.Permission.MAIL;
        });
        String folder = matcher.group(4) != null ? matcher.group(4) : matcher.group(5);
        String folderId = folder == null ? null
                : store.read(() -> Lookup.mailFolder(store, store.mailbox(mailbox.address), folder).id);
        return new Target(mailbox, kind, folderId);
    }

    private static Set<String> changeTypes(String text) {
        Set<String> types = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String type = part.strip().toLowerCase(Locale.ROOT);
            if (!Set.of("created", "updated", "deleted").contains(type)) {
                throw GraphException.badRequest("InvalidRequest", "The changeType '" + part.strip()
                        + "' is not valid; use created, updated and/or deleted.");
            }
            types.add(type);
        }
        return types;
    }

    private static String url(String text, String name) {
        try {
            URI uri = URI.create(text);
            if (uri.isAbsolute() && uri.getHost() != null && ("https".equalsIgnoreCase(uri.getScheme())
                    || "http".equalsIgnoreCase(uri.getScheme()))) {
                return text;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw GraphException.badRequest("InvalidRequest", "The " + name + " must be an absolute http(s) URL.");
    }

    @GetMapping("/subscriptions")
    @GraphOperation("listSubscriptions")
    ResponseEntity<JsonNode> list(GraphContext context) {
        ArrayNode values = GraphJson.NODES.arrayNode();
        subscriptions.all().stream().filter(s -> visible(context.caller(), s)).sorted(Comparator.comparing(s -> s.id))
                .forEach(s -> values.add(json(context, s)));
        return GraphResponses.ok(context, GraphResponses.collection(context, "subscriptions", values, null, null));
    }

    @GetMapping("/subscriptions/{id}")
    @GraphOperation("getSubscription")
    ResponseEntity<JsonNode> get(GraphContext context, @PathVariable String id) {
        return GraphResponses.ok(context, GraphResponses.entity(context, "subscriptions/$entity", json(context, find(context, id))));
    }

    @PatchMapping("/subscriptions/{id}")
    @GraphOperation("updateSubscription")
    ResponseEntity<JsonNode> update(GraphContext context, HttpServletRequest request, @PathVariable String id) {
        ObjectNode input = JsonIn.object(request);
        JsonIn.checkProperties(input, PROPERTIES, "microsoft.graph.subscription");
        input.fieldNames().forEachRemaining(name -> {
            if (!name.equals("expirationDateTime") && !JsonIn.isAnnotation(name)) {
                throw GraphException.badRequest("InvalidRequest", "Only expirationDateTime of a subscription can be updated.");
            }
        });
        Subscription subscription = find(context, id);
        Instant expiration = JsonIn.dateTimeOffset(input.get("expirationDateTime"));
        if (expiration != null) {
            subscription.renew(subscriptions.checkExpiration(expiration));
        }
        return GraphResponses.ok(context, GraphResponses.entity(context, "subscriptions/$entity", json(context, subscription)));
    }

    @DeleteMapping("/subscriptions/{id}")
    @GraphOperation("deleteSubscription")
    ResponseEntity<JsonNode> delete(GraphContext context, @PathVariable String id) {
        subscriptions.remove(find(context, id).id);
        return GraphResponses.noContent();
    }

    @PostMapping("/subscriptions/{id}/reauthorize")
    @GraphOperation("reauthorizeSubscription")
    ResponseEntity<JsonNode> reauthorize(GraphContext context, @PathVariable String id) {
        find(context, id).reauthorized();
        return GraphResponses.noContent();
    }

    private Subscription find(GraphContext context, String id) {
        Subscription subscription = subscriptions.get(id);
        if (subscription == null || !visible(context.caller(), subscription)) {
            throw new GraphException(404, "ResourceNotFound", "The object was not found.");
        }
        return subscription;
    }

    /** An app sees the subscriptions it made; a delegated caller, those it made as that user. */
    private static boolean visible(SandboxCaller caller, Subscription subscription) {
        return subscription.applicationId.equals(caller.appId())
                && (caller.appOnly() || subscription.creatorId.equals(caller.objectId()));
    }

    private static ObjectNode json(GraphContext context, Subscription s) {
        ObjectNode node = GraphJson.NODES.objectNode();
        node.put("@odata.context", context.metadata("subscriptions/$entity"));
        node.put("id", s.id);
        node.put("resource", s.resource);
        node.put("applicationId", s.applicationId);
        node.put("changeType", String.join(",", s.changeTypes));
        node.put("clientState", s.clientState);
        node.put("notificationUrl", s.notificationUrl);
        node.putNull("notificationQueryOptions");
        node.put("lifecycleNotificationUrl", s.lifecycleNotificationUrl);
        node.put("expirationDateTime", s.expiration().toString());
        node.put("creatorId", s.creatorId);
        node.put("includeResourceData", false);
        node.put("latestSupportedTlsVersion", s.latestSupportedTlsVersion);
        node.putNull("encryptionCertificate");
        node.putNull("encryptionCertificateId");
        node.putNull("notificationUrlAppId");
        return node;
    }
}
