package io.exchangehub.api.mail;

import static io.exchangehub.api.ApiEnums.value;

import io.exchangehub.api.PlainText;
import io.exchangehub.api.ids.HubId;
import io.exchangehub.api.mailbox.MailboxRef;
import io.exchangehub.model.AttachmentUpload;
import io.exchangehub.model.BatchRequest;
import io.exchangehub.model.Body;
import io.exchangehub.model.DeleteMode;
import io.exchangehub.model.Flag;
import io.exchangehub.model.Importance;
import io.exchangehub.model.MessageChanges;
import io.exchangehub.model.MessageDraft;
import io.exchangehub.model.Recipient;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Mail requests as the API reads them (the schemas {@code MessageCreate}, {@code ReplyRequest},
 * {@code ForwardRequest}, {@code MessageUpdate} and {@code BatchRequest} of the contract, which has
 * already checked their shape), turned into the canonical model with native ids.
 */
public final class MailRequests {

    private MailRequests() {}

    public record BodyInput(String contentType, String content) {
        public Body toModel() {
            return new Body(value(Body.ContentType.class, contentType), content);
        }
    }

    public record FlagInput(String status, Instant startAt, Instant dueAt, Instant completedAt) {
        Flag toModel() {
            return new Flag(value(Flag.Status.class, status), startAt, dueAt, completedAt);
        }
    }

    public record InlineFile(String name, String contentType, Boolean isInline, String contentId, String contentBytes) {
        AttachmentUpload toModel() {
            byte[] bytes = Base64.getDecoder().decode(contentBytes);
            return new AttachmentUpload(name, contentType, bytes.length, Boolean.TRUE.equals(isInline), contentId,
                    () -> new ByteArrayInputStream(bytes));
        }
    }

    /** {@code POST /mail/messages}. */
    public record MessageCreate(Boolean draft, String subject, BodyInput body, List<Recipient> toRecipients,
            List<Recipient> ccRecipients, List<Recipient> bccRecipients, List<Recipient> replyTo, String importance,
            List<String> categories, List<InlineFile> attachments) {

        public boolean isDraft() {
            return Boolean.TRUE.equals(draft);
        }

        public MessageDraft toModel() {
            PlainText.check(subject, "/body/subject");
            return new MessageDraft(subject, body == null ? null : body.toModel(), toRecipients, ccRecipients, bccRecipients,
                    replyTo, value(Importance.class, importance), categories,
                    attachments == null ? List.of() : attachments.stream().map(InlineFile::toModel).toList());
        }
    }

    /** {@code POST /mail/messages/{id}/reply|replyAll|forward}: a comment and, for a forward, whom to. */
    public record Reply(BodyInput comment, List<Recipient> toRecipients, List<Recipient> ccRecipients) {

        public MessageDraft toModel() {
            return new MessageDraft(null, comment == null ? null : comment.toModel(), toRecipients, ccRecipients, null, null,
                    null, null, null);
        }
    }

    /** {@code PATCH /mail/messages/{id}}. */
    public record MessageUpdate(Boolean isRead, FlagInput flag, List<String> categories, String importance) {

        public MessageChanges toModel() {
            return new MessageChanges(isRead, flag == null ? null : flag.toModel(), categories, value(Importance.class, importance));
        }
    }

    /** {@code POST /mail/messages/batch}. */
    public record Batch(String action, List<String> ids, String destinationFolderId, String mode, FlagInput flag) {

        /**
         * The batch on native ids. {@code ids} must be the native ids of those public ids that
         * could be read (the others fail alone, without reaching a backend).
         */
        public BatchRequest toModel(List<String> nativeIds, MailboxRef mailbox) {
            BatchRequest.Action verb = value(BatchRequest.Action.class, action);
            String destination = destinationFolderId == null ? null : mailbox.read(destinationFolderId, HubId.Kind.FOLDER).nativeId();
            return new BatchRequest(verb, nativeIds, destination, deleteMode(mode), flag == null ? null : flag.toModel());
        }
    }

    /** The API's {@code mode} of a delete: {@code soft} (into Deleted Items, the default) or {@code hard}. */
    public static DeleteMode deleteMode(String mode) {
        return "hard".equals(mode) ? DeleteMode.HARD : DeleteMode.MOVE_TO_DELETED_ITEMS;
    }
}
