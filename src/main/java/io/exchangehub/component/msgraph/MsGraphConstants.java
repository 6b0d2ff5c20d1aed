package io.exchangehub.component.msgraph;

import org.apache.camel.spi.Metadata;

/**
 * The headers of the {@code msgraph:} component. A header wins over the endpoint option of the
 * same meaning.
 */
public interface MsGraphConstants {

    /** The operation to run, overriding the endpoint's {@code operation}. */
    @Metadata(label = "producer", description = "The operation to run, overriding the endpoint's operation.",
            javaType = "io.exchangehub.component.msgraph.MsGraphOperation")
    String OPERATION = "CamelMsGraphOperation";

    /** The mailbox (its UPN, an SMTP address) the operation works on; {@code /users/{upn}} in Graph. */
    @Metadata(description = "The mailbox (its UPN) the operation works on, overriding the endpoint's mailbox.", javaType = "String")
    String MAILBOX = "CamelMsGraphMailbox";

    /** The user's delegated bearer token for Graph (without {@code Bearer}); never logged, removed after the call. */
    @Metadata(label = "producer", description = "The user's delegated bearer token for Graph, without the Bearer prefix. Never "
            + "logged; removed from the message after the call.",
            javaType = "String", secret = true)
    String ACCESS_TOKEN = "CamelMsGraphAccessToken";

    /**
     * A folder's id or well-known name ({@code inbox}, {@code drafts}, {@code sentitems},
     * {@code deleteditems}, {@code junkemail}, {@code archive}): for listMessages the folder to
     * list (default {@code inbox}), for createFolder the parent (default the top of the mailbox),
     * for folder operations the folder itself; for listEvents the calendar (default the main one)
     * and for listContacts the contact folder (default the main one).
     */
    @Metadata(label = "producer", description = "A folder's id or well-known name: for listMessages the folder (default inbox), "
            + "for createFolder the parent (default the top), for folder operations the folder itself; for listEvents the calendar "
            + "and for listContacts the contact folder (default the main ones).", javaType = "String")
    String FOLDER_ID = "CamelMsGraphFolderId";

    /** moveFolder, moveMessage, copyMessage: the destination folder's id or well-known name. */
    @Metadata(label = "producer", description = "moveFolder, moveMessage, copyMessage: the destination folder's id or well-known name.",
            javaType = "String")
    String DESTINATION_FOLDER_ID = "CamelMsGraphDestinationFolderId";

    /** createFolder, renameFolder: the folder's name (else the body, as text). */
    @Metadata(label = "producer", description = "createFolder, renameFolder: the folder's name (else the body).", javaType = "String")
    String DISPLAY_NAME = "CamelMsGraphDisplayName";

    /** The id of the message, event (or occurrence) or contact to work on; for attachment operations, the message they belong to. */
    @Metadata(label = "producer", description = "The id of the message, event or contact to work on; for attachment operations the "
            + "message the attachments belong to.", javaType = "String")
    String ITEM_ID = "CamelMsGraphItemId";

    /** An attachment's id, as listAttachments gives it (it names the message too). */
    @Metadata(label = "producer", description = "An attachment's id, as listAttachments gives it.", javaType = "String")
    String ATTACHMENT_ID = "CamelMsGraphAttachmentId";

    /** listMessages, searchMessages, listContacts: the page to read, the nextCursor of the page before; absent for the first. */
    @Metadata(label = "producer", description = "List operations: the nextCursor of the page before; absent for the first page.",
            javaType = "String")
    String CURSOR = "CamelMsGraphCursor";

    /** List operations: how many items a page holds (1–1000), overriding the endpoint's {@code pageSize}. */
    @Metadata(label = "producer", description = "List operations: the page size (1-1000), overriding the endpoint's pageSize.",
            javaType = "Integer")
    String TOP = "CamelMsGraphTop";

    /** listMessages: the order, {@code receivedAt} or {@code subject}, with a {@code -} in front for descending; default {@code -receivedAt}. */
    @Metadata(label = "producer", description = "listMessages: the order, receivedAt or subject, with a - in front for descending; "
            + "default -receivedAt (newest first).", javaType = "String")
    String SORT = "CamelMsGraphSort";

    /** listMessages: only unread (true) or only read (false) messages. */
    @Metadata(label = "producer", description = "listMessages: only unread (true) or only read (false) messages.", javaType = "Boolean")
    String FILTER_UNREAD = "CamelMsGraphFilterUnread";

    /** listMessages: only messages from this address (with an {@code @}), or whose sender's name contains this text. */
    @Metadata(label = "producer", description = "listMessages: only messages from this address, or whose sender's name contains "
            + "this text.", javaType = "String")
    String FILTER_FROM = "CamelMsGraphFilterFrom";

    /** listMessages: only messages whose subject contains this text. */
    @Metadata(label = "producer", description = "listMessages: only messages whose subject contains this text.", javaType = "String")
    String FILTER_SUBJECT = "CamelMsGraphFilterSubject";

    /** listMessages, searchMessages: only messages received at or after this instant (an Instant or ISO-8601 text). */
    @Metadata(label = "producer", description = "listMessages, searchMessages: only messages received at or after this instant.",
            javaType = "java.time.Instant")
    String RECEIVED_AFTER = "CamelMsGraphReceivedAfter";

    /** listMessages, searchMessages: only messages received before this instant (an Instant or ISO-8601 text). */
    @Metadata(label = "producer", description = "listMessages, searchMessages: only messages received before this instant.",
            javaType = "java.time.Instant")
    String RECEIVED_BEFORE = "CamelMsGraphReceivedBefore";

    /**
     * listMessages, searchMessages, searchContacts: free text to search for. For messages it is
     * Graph's {@code $search}, each word a phrase that must be found (newest sent first).
     */
    @Metadata(label = "producer", description = "listMessages, searchMessages, searchContacts: free text to search for; for "
            + "messages every word must be found.", javaType = "String")
    String QUERY = "CamelMsGraphQuery";

    /**
     * searchMessages: an SMTP address; only mail it is on (from, to, cc or bcc) is found. Alone it
     * gives the mail with that person across the mailbox; with {@code CamelMsGraphQuery} both must match.
     */
    @Metadata(label = "producer", description = "searchMessages: an SMTP address; only mail from, to, cc or bcc it is found. "
            + "Alone or with the free-text query.", javaType = "String")
    String PARTICIPANT = "CamelMsGraphParticipant";

    /** getMessage, getEvent: {@code html} or {@code text}, overriding the endpoint's {@code bodyType}. */
    @Metadata(label = "producer", description = "getMessage, getEvent: html or text.", javaType = "String", enums = "html,text")
    String BODY_TYPE = "CamelMsGraphBodyType";

    /** updateMessage, updateEvent, updateContact: the change key last read; a stale one fails with a conflict. */
    @Metadata(label = "producer", description = "update operations: the change key last read (sent as If-Match).", javaType = "String")
    String CHANGE_KEY = "CamelMsGraphChangeKey";

    /** deleteMessage, deleteEvent, deleteContact, deleteFolder: how to delete; SOFT and HARD are Graph's permanentDelete. */
    @Metadata(label = "producer", description = "deleteMessage, deleteEvent, deleteContact, deleteFolder: how to delete (SOFT and "
            + "HARD are Graph's permanentDelete).", javaType = "io.exchangehub.model.DeleteMode", defaultValue = "MOVE_TO_DELETED_ITEMS")
    String DELETE_MODE = "CamelMsGraphDeleteMode";

    /** listEvents: the start of the window (an Instant or ISO-8601 text). */
    @Metadata(label = "producer", description = "listEvents: the start of the window.", javaType = "java.time.Instant")
    String START = "CamelMsGraphStart";

    /** listEvents: the end of the window (an Instant or ISO-8601 text). */
    @Metadata(label = "producer", description = "listEvents: the end of the window.", javaType = "java.time.Instant")
    String END = "CamelMsGraphEnd";

    /** Calendar operations: the IANA zone times are given in, overriding the endpoint's {@code timeZone}. */
    @Metadata(label = "producer", description = "Calendar operations: the IANA time zone of the times returned.", javaType = "String")
    String TIME_ZONE = "CamelMsGraphTimeZone";

    /** cancelEvent: the message to the attendees. */
    @Metadata(label = "producer", description = "cancelEvent: the message to the attendees.", javaType = "String")
    String COMMENT = "CamelMsGraphComment";

    /** downloadAttachment (out): the attachment's MIME type. */
    @Metadata(label = "producer", description = "downloadAttachment (out): the attachment's MIME type.", javaType = "String")
    String CONTENT_TYPE = "CamelMsGraphContentType";

    /** downloadAttachment (out): the attachment's size in bytes, when Graph says. */
    @Metadata(label = "producer", description = "downloadAttachment (out): the content's length in bytes.", javaType = "Long")
    String CONTENT_LENGTH = "CamelMsGraphContentLength";

    /** downloadAttachment (out): the attachment's file name. */
    @Metadata(label = "producer", description = "downloadAttachment (out): the attachment's file name.", javaType = "String")
    String FILE_NAME = "CamelMsGraphFileName";

    /** List operations (out): the cursor of the next page, absent on the last page. */
    @Metadata(label = "producer", description = "List operations (out): the cursor of the next page, absent on the last page.",
            javaType = "String")
    String NEXT_CURSOR = "CamelMsGraphNextCursor";

    /** List operations (out): how many entries match in all, when Graph says. */
    @Metadata(label = "producer", description = "List operations (out): how many entries match in all, when Graph says.",
            javaType = "Integer")
    String TOTAL_COUNT = "CamelMsGraphTotalCount";

    /** getMessage (out): the message's internet headers, in order, as a list of {@code Map.Entry<String, String>}. */
    @Metadata(label = "producer", description = "getMessage (out): the internet headers in order, a list of Map.Entry<String, String>.",
            javaType = "java.util.List")
    String INTERNET_HEADERS = "CamelMsGraphInternetHeaders";

    /** Consumer (out): how the object changed, the ChangeEvent's changeType. */
    @Metadata(label = "consumer", description = "The change's type.", javaType = "io.exchangehub.model.ChangeEvent.ChangeType")
    String CHANGE_TYPE = "CamelMsGraphChangeType";

    /** Consumer (out): what changed, the ChangeEvent's resourceType. */
    @Metadata(label = "consumer", description = "The changed object's type.", javaType = "io.exchangehub.model.ChangeEvent.ResourceType")
    String RESOURCE_TYPE = "CamelMsGraphResourceType";
}
