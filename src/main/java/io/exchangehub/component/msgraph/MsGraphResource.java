package io.exchangehub.component.msgraph;

/** What an {@code msgraph:} endpoint works on: the path of its URI. */
public enum MsGraphResource {
    /** Mail folders (producer). */
    folders,
    /** Messages (producer). */
    messages,
    /** Calendar items (producer). */
    calendar,
    /** Personal contacts (producer). */
    contacts,
    /** Attachments of messages (producer). */
    attachments,
    /** Changes in mailboxes (consumer). */
    notifications
}
