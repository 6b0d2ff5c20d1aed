package io.exchangehub.component.ews;

import org.apache.camel.spi.Metadata;

/** The headers of the {@code ews:} component. Ids are EWS ids as the component returned them; folder headers also take a well-known name ({@code inbox}, {@code drafts}, …). */
public interface EwsConstants {

    @Metadata(label = "producer", description = "The operation to perform; overrides the endpoint's `operation` option.",
            javaType = "io.exchangehub.component.ews.EwsOperation")
    String OPERATION = "CamelEwsOperation";

    @Metadata(description = "The SMTP address (UPN) of the mailbox to work in: the user's own, or a shared or delegated mailbox "
            + "(e.g. sales@) the user may open. Overrides the endpoint's `mailbox` option.", javaType = "String")
    String MAILBOX = "CamelEwsMailbox";

    @Metadata(label = "producer", description = "The user's delegated bearer token for EWS (without `Bearer `), for `BEARER` "
            + "authentication. Never logged; removed from the message after the call.", javaType = "String")
    String ACCESS_TOKEN = "CamelEwsAccessToken";

    @Metadata(label = "producer", description = "A folder: its id or a well-known name. For messages the folder to list "
            + "(default `inbox`), for createFolder the parent (default the top of the mailbox), for folder operations the folder "
            + "itself; for calendar and contacts the folder to list or create in (default `calendar`, `contacts`).",
            javaType = "String")
    String FOLDER_ID = "CamelEwsFolderId";

    @Metadata(label = "producer", description = "The id of the message, event or contact to work on; for attachment operations "
            + "the item the attachments belong to.", javaType = "String")
    String ITEM_ID = "CamelEwsItemId";

    @Metadata(label = "producer", description = "The change key the caller last read (e.g. from an ETag). With it, an update "
            + "or delete of an item changed meanwhile fails with a ConflictException; without it, the change wins.",
            javaType = "String")
    String CHANGE_KEY = "CamelEwsChangeKey";

    @Metadata(label = "producer", description = "The attachment to read, download or delete.", javaType = "String")
    String ATTACHMENT_ID = "CamelEwsAttachmentId";

    @Metadata(label = "producer", description = "moveFolder, moveMessage, copyMessage: the folder to move or copy to (id or "
            + "well-known name).", javaType = "String")
    String DESTINATION_FOLDER_ID = "CamelEwsDestinationFolderId";

    @Metadata(label = "producer", description = "createFolder, renameFolder: the folder's (new) name.", javaType = "String")
    String DISPLAY_NAME = "CamelEwsDisplayName";

    @Metadata(label = "producer", description = "List operations and searchMessages: how many entries a page holds (1–1000); "
            + "overrides the endpoint's `pageSize`.", javaType = "Integer")
    String TOP = "CamelEwsTop";

    @Metadata(label = "producer", description = "List operations and searchMessages: the opaque cursor of the page to read, as "
            + "the previous page's `CamelEwsNextCursor` gave it; absent for the first page. Only valid with the same folder, "
            + "filters, query and sort.", javaType = "String")
    String CURSOR = "CamelEwsCursor";

    @Metadata(label = "producer", description = "listMessages: the order, `receivedAt` or `subject`, with a `-` in front for "
            + "descending; default `-receivedAt` (newest first).", javaType = "String")
    String SORT = "CamelEwsSort";

    @Metadata(label = "producer", description = "listMessages: only unread (true) or only read (false) messages.",
            javaType = "Boolean")
    String FILTER_UNREAD = "CamelEwsFilterUnread";

    @Metadata(label = "producer", description = "listMessages: only messages from this address or name.", javaType = "String")
    String FILTER_FROM = "CamelEwsFilterFrom";

    @Metadata(label = "producer", description = "listMessages: only messages whose subject contains this text.",
            javaType = "String")
    String FILTER_SUBJECT = "CamelEwsFilterSubject";

    @Metadata(label = "producer", description = "listMessages, searchMessages: only messages received at or after this instant.",
            javaType = "java.time.Instant")
    String RECEIVED_AFTER = "CamelEwsReceivedAfter";

    @Metadata(label = "producer", description = "listMessages, searchMessages: only messages received before this instant.",
            javaType = "java.time.Instant")
    String RECEIVED_BEFORE = "CamelEwsReceivedBefore";

    @Metadata(label = "producer", description = "listMessages, searchMessages: free-text search (Exchange's content index). The "
            + "text is matched as words and phrases, never read as query syntax. searchContacts: the name or address to find.",
            javaType = "String")
    String QUERY = "CamelEwsQuery";

    @Metadata(label = "producer", description = "searchMessages: only mail this SMTP address is on (from, to, cc or bcc); "
            + "the address is compared whole, ignoring case.", javaType = "String")
    String PARTICIPANT = "CamelEwsParticipant";

    @Metadata(label = "producer", description = "getMessage, getEvent: the body's format, `HTML` or `TEXT`; overrides the "
            + "endpoint's `bodyType`.", javaType = "io.exchangehub.model.Body.ContentType")
    String BODY_TYPE = "CamelEwsBodyType";

    @Metadata(label = "producer", description = "deleteMessage, deleteEvent, deleteContact, deleteFolder: how to delete; "
            + "default MOVE_TO_DELETED_ITEMS.", javaType = "io.exchangehub.model.DeleteMode")
    String DELETE_MODE = "CamelEwsDeleteMode";

    @Metadata(label = "producer", description = "listEvents: the start of the window (inclusive).", javaType = "java.time.Instant")
    String START = "CamelEwsStart";

    @Metadata(label = "producer", description = "listEvents: the end of the window (exclusive).", javaType = "java.time.Instant")
    String END = "CamelEwsEnd";

    @Metadata(label = "producer", description = "Calendar operations: the IANA zone times are given in (e.g. `Europe/Berlin`); "
            + "overrides the endpoint's `timeZone`.", javaType = "String")
    String TIME_ZONE = "CamelEwsTimeZone";

    @Metadata(label = "producer", description = "cancelEvent, deleteEvent of a meeting, updateEvent: the message sent to the "
            + "attendees with the cancellation.", javaType = "String")
    String COMMENT = "CamelEwsComment";

    @Metadata(label = "producer", description = "Output of list operations and searchMessages: the cursor of the next page, "
            + "absent on the last page (an earlier page's is removed).", javaType = "String")
    String NEXT_CURSOR = "CamelEwsNextCursor";

    @Metadata(label = "producer", description = "Output of list operations: how many entries match in all, when Exchange says "
            + "(never for searchMessages).",
            javaType = "Integer")
    String TOTAL_COUNT = "CamelEwsTotalCount";

    @Metadata(label = "producer", description = "Output of getMessage: the message's internet headers, in order, as a list of "
            + "`Map.Entry<String, String>`.", javaType = "java.util.List")
    String INTERNET_HEADERS = "CamelEwsInternetHeaders";

    @Metadata(label = "producer", description = "Output of downloadAttachment: the attachment's MIME type.", javaType = "String")
    String CONTENT_TYPE = "CamelEwsContentType";

    @Metadata(label = "producer", description = "Output of downloadAttachment: the attachment's size in bytes.", javaType = "Long")
    String CONTENT_LENGTH = "CamelEwsContentLength";

    @Metadata(label = "producer", description = "Output of downloadAttachment: the attachment's file name.", javaType = "String")
    String FILE_NAME = "CamelEwsFileName";

    @Metadata(label = "consumer", description = "On each change the consumer emits: what changed (MESSAGE, EVENT, CONTACT, "
            + "FOLDER).", javaType = "io.exchangehub.model.ChangeEvent.ResourceType")
    String RESOURCE_TYPE = "CamelEwsResourceType";

    @Metadata(label = "consumer", description = "On each change the consumer emits: how it changed (CREATED, UPDATED, DELETED, "
            + "MOVED).", javaType = "io.exchangehub.model.ChangeEvent.ChangeType")
    String CHANGE_TYPE = "CamelEwsChangeType";
}
