package io.exchangehub.sandbox.graph;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the Graph operation a handler serves and the permission it needs. The name is what
 * fault switches match ({@code POST /sandbox/faults} with {@code "protocol":"graph"}); the names
 * follow the Graph API reference:
 *
 * <table>
 * <caption>Operation names</caption>
 * <tr><th>area</th><th>operations</th></tr>
 * <tr><td>user</td><td>getUser</td></tr>
 * <tr><td>mail folders</td><td>listMailFolders, getMailFolder, createMailFolder, listChildFolders, createChildFolder,
 *     updateMailFolder, deleteMailFolder, permanentDeleteMailFolder, moveMailFolder, copyMailFolder</td></tr>
 * <tr><td>messages</td><td>listMessages, getMessage, getMessageContent ({@code $value}), createMessage, updateMessage,
 *     deleteMessage, permanentDeleteMessage, send, sendMail, reply, replyAll, forward, createReply, createReplyAll,
 *     createForward, moveMessage, copyMessage, messageDelta</td></tr>
 * <tr><td>attachments</td><td>listAttachments, getAttachment, getAttachmentContent ({@code $value}), addAttachment,
 *     deleteAttachment, createUploadSession, uploadAttachmentChunk (the upload URL: PUT, GET, DELETE)</td></tr>
 * <tr><td>calendar</td><td>listCalendars, getCalendar, listEvents, getEvent, createEvent, updateEvent, deleteEvent,
 *     cancelEvent, acceptEvent, tentativelyAcceptEvent, declineEvent, listCalendarView, listInstances, eventDelta</td></tr>
 * <tr><td>contacts</td><td>listContacts, getContact, createContact, updateContact, deleteContact, listContactFolders,
 *     getContactFolder, createContactFolder</td></tr>
 * <tr><td>subscriptions</td><td>createSubscription, listSubscriptions, getSubscription, updateSubscription,
 *     deleteSubscription, reauthorizeSubscription</td></tr>
 * <tr><td>batching</td><td>batch (the {@code $batch} request; each of its requests also counts under its own name)</td></tr>
 * </table>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface GraphOperation {

    /** The operation name, as listed above. */
    String value();

    /** What the caller needs: a delegated scope or an application role of that area. */
    Permission permission() default Permission.NONE;

    /** The permission areas of Outlook resources in Graph. */
    enum Permission {
        NONE(null, null),
        MAIL("Mail.ReadWrite", "Mail.ReadWrite"),
        MAIL_SEND("Mail.Send", "Mail.Send"),
        CALENDARS("Calendars.ReadWrite", "Calendars.ReadWrite"),
        CONTACTS("Contacts.ReadWrite", "Contacts.ReadWrite");

        private final String scope;
        private final String role;

        Permission(String scope, String role) {
            this.scope = scope;
            this.role = role;
        }

        /** The delegated scope for the caller's own mailbox (another's needs the {@code .Shared} one). */
        public String scope() {
            return scope;
        }

        /** The application role. */
        public String role() {
            return role;
        }
    }
}
