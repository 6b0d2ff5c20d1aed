package io.exchangehub.component.msgraph.mapping;

import com.microsoft.graph.models.FollowupFlag;
import com.microsoft.graph.models.FollowupFlagStatus;
import com.microsoft.graph.models.Message;
import io.exchangehub.model.Attachment;
import io.exchangehub.model.Flag;
import io.exchangehub.model.MailMessage;
import io.exchangehub.model.MessageChanges;
import io.exchangehub.model.MessageDraft;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Graph's messages as the model's {@link MailMessage}; drafts and changes as Graph's messages. */
public final class MessageMapper {

    /** The summary a list view shows. */
    public static final String[] SUMMARY = {"id", "changeKey", "parentFolderId", "conversationId", "subject", "from",
            "toRecipients", "ccRecipients", "receivedDateTime", "sentDateTime", "isRead", "isDraft", "importance", "flag",
            "categories", "hasAttachments", "bodyPreview"};

    /** A whole message: the summary and what only a single message shows. */
    public static final String[] WHOLE = concat(SUMMARY, "bccRecipients", "replyTo", "body", "internetMessageId",
            "internetMessageHeaders");

    private MessageMapper() {}

    /** A list view's message: body, bcc, reply-to, Message-ID and attachments stay null. */
    public static MailMessage summary(Message m) {
        return map(m, false);
    }

    /** A whole message, with the attachments' metadata when Graph expanded them. */
    public static MailMessage whole(Message m) {
        return map(m, true);
    }

    private static MailMessage map(Message m, boolean whole) {
        List<Attachment> attachments = null;
        if (whole) {
            attachments = new ArrayList<>();
            if (m.getAttachments() != null) {
                for (com.microsoft.graph.models.Attachment attachment : m.getAttachments()) {
                    attachments.add(AttachmentMapper.toModel(m.getId(), attachment));
                }
            }
            attachments = List.copyOf(attachments);
        }
        return new MailMessage(m.getId(), m.getChangeKey(), m.getParentFolderId(), m.getConversationId(), m.getSubject(),
                Recipients.of(m.getFrom()), Recipients.of(m.getToRecipients()), Recipients.of(m.getCcRecipients()),
                whole ? Recipients.of(m.getBccRecipients()) : null, whole ? Recipients.of(m.getReplyTo()) : null,
                Boolean.TRUE.equals(m.getIsDraft()) ? null : instant(m.getReceivedDateTime()),
                Boolean.TRUE.equals(m.getIsDraft()) ? null : instant(m.getSentDateTime()), Boolean.TRUE.equals(m.getIsRead()),
                Boolean.TRUE.equals(m.getIsDraft()), Enums.of(m.getImportance()), flag(m.getFlag()),
                m.getCategories() == null ? List.of() : List.copyOf(m.getCategories()), Boolean.TRUE.equals(m.getHasAttachments()),
                m.getBodyPreview(), whole ? Bodies.of(m.getBody()) : null, whole ? m.getInternetMessageId() : null, attachments);
    }

    /** A draft's or sent message's content; attachments are added separately. */
    public static Message toGraph(MessageDraft draft) {
        Message message = new Message();
        if (draft.subject() != null) {
            message.setSubject(draft.subject());
        }
        if (draft.body() != null) {
            message.setBody(Bodies.toGraph(draft.body()));
        }
        message.setToRecipients(Recipients.toGraph(draft.toRecipients()));
        if (!draft.ccRecipients().isEmpty()) {
            message.setCcRecipients(Recipients.toGraph(draft.ccRecipients()));
        }
        if (!draft.bccRecipients().isEmpty()) {
            message.setBccRecipients(Recipients.toGraph(draft.bccRecipients()));
        }
        if (!draft.replyTo().isEmpty()) {
            message.setReplyTo(Recipients.toGraph(draft.replyTo()));
        }
        if (draft.importance() != null) {
            message.setImportance(Enums.toGraph(draft.importance()));
        }
        if (!draft.categories().isEmpty()) {
            message.setCategories(draft.categories());
        }
        return message;
    }

    /** The recipients a reply or forward adds, as Graph's message of that action; null when it adds none. */
    public static Message recipientsOnly(MessageDraft draft) {
        if (draft.toRecipients().isEmpty() && draft.ccRecipients().isEmpty() && draft.bccRecipients().isEmpty()) {
            return null;
        }
        Message message = new Message();
        if (!draft.toRecipients().isEmpty()) {
            message.setToRecipients(Recipients.toGraph(draft.toRecipients()));
        }
        if (!draft.ccRecipients().isEmpty()) {
            message.setCcRecipients(Recipients.toGraph(draft.ccRecipients()));
        }
        if (!draft.bccRecipients().isEmpty()) {
            message.setBccRecipients(Recipients.toGraph(draft.bccRecipients()));
        }
        return message;
    }

    /** The properties a change sets, and no others. */
    public static Message toGraph(MessageChanges changes) {
        Message message = new Message();
        if (changes.isRead() != null) {
            message.setIsRead(changes.isRead());
        }
        if (changes.flag() != null) {
            message.setFlag(toGraph(changes.flag()));
        }
        if (changes.categories() != null) {
            message.setCategories(List.copyOf(changes.categories()));
        }
        if (changes.importance() != null) {
            message.setImportance(Enums.toGraph(changes.importance()));
        }
        return message;
    }

    public static Flag flag(FollowupFlag flag) {
        if (flag == null || flag.getFlagStatus() == null) {
            return Flag.NONE;
        }
        Flag.Status status = switch (flag.getFlagStatus()) {
            case Flagged -> Flag.Status.FLAGGED;
            case Complete -> Flag.Status.COMPLETE;
            default -> Flag.Status.NOT_FLAGGED;
        };
        return new Flag(status, TimeZones.instant(flag.getStartDateTime()), TimeZones.instant(flag.getDueDateTime()),
                TimeZones.instant(flag.getCompletedDateTime()));
    }

    public static FollowupFlag toGraph(Flag flag) {
        FollowupFlag result = new FollowupFlag();
        result.setFlagStatus(switch (flag.status()) {
            case FLAGGED -> FollowupFlagStatus.Flagged;
            case COMPLETE -> FollowupFlagStatus.Complete;
            case NOT_FLAGGED -> FollowupFlagStatus.NotFlagged;
        });
        if (flag.status() == Flag.Status.FLAGGED) {
            Instant start = flag.startAt() != null ? flag.startAt() : flag.dueAt();
            result.setStartDateTime(TimeZones.toGraph(start));
            result.setDueDateTime(TimeZones.toGraph(flag.dueAt()));
        }
        if (flag.status() == Flag.Status.COMPLETE) {
            result.setCompletedDateTime(TimeZones.toGraph(flag.completedAt()));
        }
        return result;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
