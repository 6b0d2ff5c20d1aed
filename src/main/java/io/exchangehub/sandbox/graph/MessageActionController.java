package io.exchangehub.sandbox.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exchangehub.sandbox.graph.GraphOperation.Permission;
import io.exchangehub.sandbox.store.DeleteMode;
import io.exchangehub.sandbox.store.Folder;
import io.exchangehub.sandbox.store.Mailbox;
import io.exchangehub.sandbox.store.Message;
import io.exchangehub.sandbox.store.Recipient;
import io.exchangehub.sandbox.store.ReplyKind;
import io.exchangehub.sandbox.store.SandboxStore;
import io.exchangehub.sandbox.store.WellKnownFolder;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The message actions: {@code send} a draft, {@code sendMail} a new message, {@code reply},
 * {@code replyAll} and {@code forward} at once or as drafts ({@code createReply}, …), {@code move},
 * {@code copy} and {@code permanentDelete}. The recipients of a send are checked before a draft is
 * made, so that a refused send leaves nothing behind, not even in the journal.
 */
@RestController
@RequestMapping(GraphInterceptor.ROOT)
class MessageActionController {

    private static final String ME = MessageController.ME + "/{id}";
    private static final String USER = MessageController.USER + "/{id}";
    private static final String ME_IN_FOLDER = MessageController.ME_IN_FOLDER + "/{id}";
    private static final String USER_IN_FOLDER = MessageController.USER_IN_FOLDER + "/{id}";

    private final SandboxStore store;

    MessageActionController(SandboxStore store) {
        this.store = store;
    }

    @PostMapping({ME + "/send", USER + "/send", ME_IN_FOLDER + "/send", USER_IN_FOLDER + "/send"})
    @GraphOperation(value = "send", permission = Permission.MAIL_SEND)
    ResponseEntity<JsonNode> send(GraphContext context, @PathVariable String id) {
        store.write(() -> {
            Message draft = Lookup.item(store, context.mailbox(), id, Message.class);
            store.send(draft, store.wellKnown(context.mailbox(), WellKnownFolder.SENT_ITEMS));
        });
        return GraphResponses.accepted();
    }

    @PostMapping({"/me/sendMail", "/users/{user}/sendMail"})
    @GraphOperation(value = "sendMail", permission = Permission.MAIL_SEND)
    ResponseEntity<JsonNode> sendMail(GraphContext context, HttpServletRequest request) {
        Map<String, JsonNode> parameters = JsonIn.parameters(JsonIn.object(request), "sendMail", "Message", "SaveToSentItems");
        JsonNode messageNode = parameters.get("Message");
        if (messageNode == null || !messageNode.isObject()) {
            throw GraphException.badRequest("ErrorInvalidRequest", "The parameter 'Message' is required.");
        }
        MessageInput input = MessageInput.parse((ObjectNode) messageNode, true);
        boolean save = !parameters.containsKey("SaveToSentItems") || parameters.get("SaveToSentItems").isNull()
                || JsonIn.bool(parameters.get("SaveToSentItems"));
        Mailbox mailbox = context.mailbox();
        Message scratch = new Message(mailbox, -1, store.now());
        input.apply(scratch);
        SandboxStore.checkRecipients(scratch.to, scratch.cc, scratch.bcc);
        store.write(() -> {
            Message draft = store.createMessage(store.wellKnown(mailbox, WellKnownFolder.DRAFTS), input::apply);
            input.attachments().forEach(attachment -> attachment.addTo(store, draft));
            store.send(draft, save ? store.wellKnown(mailbox, WellKnownFolder.SENT_ITEMS) : null);
        });
        return GraphResponses.accepted();
    }

    @PostMapping({ME + "/reply", USER + "/reply", ME_IN_FOLDER + "/reply", USER_IN_FOLDER + "/reply"})
    @GraphOperation(value = "reply", permission = Permission.MAIL_SEND)
    ResponseEntity<JsonNode> reply(GraphContext context, HttpServletRequest request, @PathVariable String id) {
        return respond(context, request, id, ReplyKind.REPLY, "reply", true);
    }

    @PostMapping({ME + "/replyAll", USER + "/replyAll", ME_IN_FOLDER + "/replyAll", USER_IN_FOLDER + "/replyAll"})
    @GraphOperation(value = "replyAll", permission = Permission.MAIL_SEND)
    ResponseEntity<JsonNode> replyAll(GraphContext context, HttpServletRequest request, @PathVariable String id) {
        return respond(context, request, id, ReplyKind.REPLY_ALL, "replyAll", true);
    }

    @PostMapping({ME + "/forward", USER + "/forward", ME_IN_FOLDER + "/forward", USER_IN_FOLDER + "/forward"})
    @GraphOperation(value = "forward", permission = Permission.MAIL_SEND)
    ResponseEntity<JsonNode> forward(GraphContext context, HttpServletRequest request, @PathVariable String id) {
        return respond(context, request, id, ReplyKind.FORWARD, "forward", true);
    }

    @PostMapping({ME + "/createReply", USER + "/createReply", ME_IN_FOLDER + "/createReply", USER_IN_FOLDER + "/createReply"})
    @GraphOperation(value = "createReply", permission = Permission.MAIL)
    ResponseEntity<JsonNode> createReply(GraphContext context, HttpServletRequest request, @PathVariable String id) {
        return respond(context, request, id, ReplyKind.REPLY, "createReply", false);
    }

    @PostMapping({ME + "/createReplyAll", USER + "/createReplyAll", ME_IN_FOLDER + "/createReplyAll",
            USER_IN_FOLDER + "/createReplyAll"})
    @GraphOperation(value = "createReplyAll", permission = Permission.MAIL)
    ResponseEntity<JsonNode> createReplyAll(GraphContext context, HttpServletRequest request, @PathVariable String id) {
        return respond(context, request, id, ReplyKind.REPLY_ALL, "createReplyAll", false);
    }

    @PostMapping({ME + "/createForward", USER + "/createForward", ME_IN_FOLDER + "/createForward",
            USER_IN_FOLDER + "/createForward"})
    @GraphOperation(value = "createForward", permission = Permission.MAIL)
    ResponseEntity<JsonNode> createForward(GraphContext context, HttpServletRequest request, @PathVariable String id) {
        return respond(context, request, id, ReplyKind.FORWARD, "createForward", false);
    }

    /**
     * A reply, reply-all or forward: a draft made by the store from the original, changed by the
     * request's {@code Message} and {@code ToRecipients}, then sent (or returned as a draft).
     */
    private ResponseEntity<JsonNode> respond(GraphContext context, HttpServletRequest request, String id, ReplyKind kind,
            String action, boolean sendNow) {
        String[] allowed = kind == ReplyKind.FORWARD ? new String[] {"Comment", "Message", "ToRecipients"}
                : new String[] {"Comment", "Message"};
        Map<String, JsonNode> parameters = JsonIn.parameters(JsonIn.optionalObject(request), action, allowed);
        String comment = JsonIn.string(parameters.get("Comment"));
        JsonNode messageNode = parameters.get("Message");
        if (messageNode != null && !messageNode.isNull() && !messageNode.isObject()) {
            throw GraphException.bodyRead("Cannot convert the literal to the expected type 'microsoft.graph.message'.");
        }
        MessageInput overrides = messageNode == null || messageNode.isNull() ? null : MessageInput.parse((ObjectNode) messageNode, true);
        List<Recipient> forwardTo = JsonIn.recipients(parameters.get("ToRecipients"));
        if (sendNow && kind == ReplyKind.FORWARD && forwardTo.isEmpty() && !setsRecipients(messageNode)) {
            throw GraphException.badRequest("ErrorInvalidRecipients", "At least one recipient is required, but none were found.");
        }
        Mailbox mailbox = context.mailbox();
        JsonNode body = store.write(() -> {
            Message original = Lookup.item(store, mailbox, id, Message.class);
            if (sendNow) {
                Message scratch = new Message(mailbox, -1, store.now());
                SandboxStore.addressResponse(original, kind, scratch);
                if (!forwardTo.isEmpty()) {
                    scratch.to = new ArrayList<>(forwardTo);
                }
                if (overrides != null) {
                    overrides.apply(scratch);
                }
                SandboxStore.checkRecipients(scratch.to, scratch.cc, scratch.bcc);
            }
            Message draft = store.createResponse(original, kind, comment, null);
            if (!forwardTo.isEmpty()) {
                store.update(draft, null, m -> m.to = new ArrayList<>(forwardTo));
            }
            if (overrides != null) {
                store.update(draft, null, overrides::apply);
                overrides.attachments().forEach(attachment -> attachment.addTo(store, draft));
            }
            if (sendNow) {
                store.send(draft, store.wellKnown(mailbox, WellKnownFolder.SENT_ITEMS));
                return null;
            }
            return GraphResponses.entity(context, context.contextUser() + "/messages/$entity",
                    MessageJson.write(draft, new Projection(null, context.preferences().bodyType(), context.preferences().zone(),
                            false, false, false)));
        });
        return sendNow ? GraphResponses.accepted() : GraphResponses.created(context, body);
    }

    private static boolean setsRecipients(JsonNode message) {
        if (message == null || !message.isObject()) {
            return false;
        }
        for (String list : new String[] {"toRecipients", "ccRecipients", "bccRecipients"}) {
            if (message.path(list).isArray() && !message.path(list).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    @PostMapping({ME + "/move", USER + "/move", ME_IN_FOLDER + "/move", USER_IN_FOLDER + "/move"})
    @GraphOperation(value = "moveMessage", permission = Permission.MAIL)
    ResponseEntity<JsonNode> move(GraphContext context, HttpServletRequest request, @PathVariable String id) {
        return relocate(context, request, id, "move", true);
    }

    @PostMapping({ME + "/copy", USER + "/copy", ME_IN_FOLDER + "/copy", USER_IN_FOLDER + "/copy"})
    @GraphOperation(value = "copyMessage", permission = Permission.MAIL)
    ResponseEntity<JsonNode> copy(GraphContext context, HttpServletRequest request, @PathVariable String id) {
        return relocate(context, request, id, "copy", false);
    }

    private ResponseEntity<JsonNode> relocate(GraphContext context, HttpServletRequest request, String id, String action,
            boolean move) {
        Map<String, JsonNode> parameters = JsonIn.parameters(JsonIn.object(request), action, "DestinationId");
        String destinationId = JsonIn.requiredString(parameters.get("DestinationId"), "DestinationId");
        JsonNode body = store.write(() -> {
            Message message = Lookup.item(store, context.mailbox(), id, Message.class);
            Folder destination = Lookup.mailFolder(store, context.mailbox(), destinationId);
            Message result = (Message) (move ? store.move(message, destination) : store.copy(message, destination));
            return GraphResponses.entity(context, context.contextUser() + "/messages/$entity",
                    MessageJson.write(result, Projection.DEFAULT));
        });
        return GraphResponses.created(context, body);
    }

    @PostMapping({ME + "/permanentDelete", USER + "/permanentDelete", ME_IN_FOLDER + "/permanentDelete",
            USER_IN_FOLDER + "/permanentDelete"})
    @GraphOperation(value = "permanentDeleteMessage", permission = Permission.MAIL)
    ResponseEntity<JsonNode> permanentDelete(GraphContext context, @PathVariable String id) {
        store.write(() -> store.delete(Lookup.item(store, context.mailbox(), id, Message.class), DeleteMode.HARD));
        return GraphResponses.noContent();
    }
}
