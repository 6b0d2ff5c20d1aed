package io.exchangehub.model;

import java.util.List;

/**
 * A message to send or save as a draft, or the comment and extra recipients of a reply or forward.
 *
 * @param subject       subject (ignored for replies and forwards, which take the original's)
 * @param body          body
 * @param toRecipients  to
 * @param ccRecipients  cc
 * @param bccRecipients bcc
 * @param replyTo       where replies should go
 * @param importance    importance, null for normal
 * @param categories    categories
 * @param attachments   files to attach
 */
public record MessageDraft(String subject, Body body, List<Recipient> toRecipients, List<Recipient> ccRecipients,
        List<Recipient> bccRecipients, List<Recipient> replyTo, Importance importance, List<String> categories,
        List<AttachmentUpload> attachments) {

    public MessageDraft {
        toRecipients = toRecipients == null ? List.of() : List.copyOf(toRecipients);
        ccRecipients = ccRecipients == null ? List.of() : List.copyOf(ccRecipients);
        bccRecipients = bccRecipients == null ? List.of() : List.copyOf(bccRecipients);
        replyTo = replyTo == null ? List.of() : List.copyOf(replyTo);
        categories = categories == null ? List.of() : List.copyOf(categories);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
