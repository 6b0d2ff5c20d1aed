package io.exchangehub.sandbox.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exchangehub.sandbox.store.DirectoryEntry;
import io.exchangehub.sandbox.store.Mailbox;
import io.exchangehub.sandbox.store.SandboxStore;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /me} and {@code GET /users/{id}}: the user's profile from the sandbox directory. */
@RestController
@RequestMapping(GraphInterceptor.ROOT)
class UserController {

    private final SandboxStore store;

    UserController(SandboxStore store) {
        this.store = store;
    }

    @GetMapping({"/me", "/users/{user}"})
    @GraphOperation("getUser")
    ResponseEntity<JsonNode> get(GraphContext context) {
        Mailbox mailbox = context.mailbox();
        DirectoryEntry entry = store.directory().stream().filter(e -> e.address().equalsIgnoreCase(mailbox.address)).findFirst()
                .orElse(null);
        ObjectNode user = GraphJson.NODES.objectNode();
        user.put("@odata.context", context.metadata("users/$entity"));
        ArrayNode phones = user.putArray("businessPhones");
        if (entry != null && entry.phone() != null && !entry.phone().isBlank()) {
            phones.add(entry.phone());
        }
        user.put("displayName", mailbox.displayName);
        user.put("givenName", entry == null ? null : GraphJson.blankToNull(entry.givenName()));
        user.put("jobTitle", entry == null ? null : GraphJson.blankToNull(entry.title()));
        user.put("mail", mailbox.address);
        user.putNull("mobilePhone");
        user.put("officeLocation", entry == null ? null : GraphJson.blankToNull(entry.office()));
        user.putNull("preferredLanguage");
        user.put("surname", entry == null ? null : GraphJson.blankToNull(entry.surname()));
        user.put("userPrincipalName", mailbox.address);
        user.put("id", mailbox.objectId.toString());
        return GraphResponses.ok(context, user);
    }
}
