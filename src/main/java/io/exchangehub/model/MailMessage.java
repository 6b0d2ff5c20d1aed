package io.exchangehub.model;

import java.time.Instant;
import java.util.List;

/**
 * A mail message. List views fill the summary; {@code body}, {@code bccRecipients},
 * {@code replyTo}, {@code internetMessageId} and {@code attachments} are null unless the
 * message was fetched whole.
 *
 * @param id                the message's id
 * @param changeKey         its version, for conflict detection and ETags
 * @param folderId          the folder holding it
 * @param conversationId    the conversation (thread) it belongs to
 * @param subject           its subject
 * @param from              its author
 * @param toRecipients      to
 * @param ccRecipients      cc
 * @param bccRecipients     bcc (null in list views)
 * @param replyTo           where replies go (null in list views)
 * @param receivedAt        when it arrived (null for a draft)
 * @param sentAt            when it was sent (null for a draft)
 * @param isRead            read state
 * @param isDraft           whether it is an unsent draft
 * @param importance        importance
 * @param flag              follow-up flag
 * @param categories        categories
 * @param hasAttachments    whether it has attachments a user sees (not inline images)
 * @param preview           the first characters of its text
 * @param body              its body (null in list views)
 * @param internetMessageId the RFC 5322 Message-ID (null in list views)
 * @param attachments       its attachments' metadata (null in list views)
 */
public record MailMessage(String id, String changeKey, String folderId, String conversationId, String subject, Recipient from,
        List<Recipient> toRecipients, List<Recipient> ccRecipients, List<Recipient> bccRecipients, List<Recipient> replyTo,
        Instant receivedAt, Instant sentAt, boolean isRead, boolean isDraft, Importance importance, Flag flag,
        List<String> categories, boolean hasAttachments, String preview, Body body, String internetMessageId,
        List<Attachment> attachments) {}
