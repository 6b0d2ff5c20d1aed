package io.exchangehub.component.msgraph;

/**
 * The producer operations, each of one resource. Bodies and results are records of
 * {@code io.exchangehub.model}; ids, paging and filters come in {@link MsGraphConstants} headers.
 */
public enum MsGraphOperation {

    /** The whole folder tree, flat, with paths and counts: {@code List<MailFolder>}. */
    listFolders(MsGraphResource.folders),
    /** One folder ({@code CamelMsGraphFolderId}): {@code MailFolder}. */
    getFolder(MsGraphResource.folders),
    /** A folder named {@code CamelMsGraphDisplayName} under {@code CamelMsGraphFolderId} (default the top): {@code MailFolder}. */
    createFolder(MsGraphResource.folders),
    /** Renames {@code CamelMsGraphFolderId} to {@code CamelMsGraphDisplayName}: {@code MailFolder}. */
    renameFolder(MsGraphResource.folders),
    /** Moves {@code CamelMsGraphFolderId} under {@code CamelMsGraphDestinationFolderId}: {@code MailFolder}. */
    moveFolder(MsGraphResource.folders),
    /** Deletes {@code CamelMsGraphFolderId} as {@code CamelMsGraphDeleteMode} says (default into Deleted Items). */
    deleteFolder(MsGraphResource.folders),

    /** A page of a folder's messages (default the inbox), newest first unless sorted otherwise: {@code Page<MailMessage>}. */
    listMessages(MsGraphResource.messages),
    /**
     * Free text ({@code CamelMsGraphQuery}) and/or one person ({@code CamelMsGraphParticipant}) searched for in every
     * mail folder, newest sent first: {@code Page<MailMessage>}, each with the folder it is in.
     */
    searchMessages(MsGraphResource.messages),
    /** One message whole: {@code MailMessage}. */
    getMessage(MsGraphResource.messages),
    /** Sends the body's {@code MessageDraft} (a copy goes to Sent Items). */
    sendMessage(MsGraphResource.messages),
    /** Saves the body's {@code MessageDraft} in Drafts: {@code MailMessage}. */
    createDraft(MsGraphResource.messages),
    /** Sends the draft {@code CamelMsGraphItemId}. */
    sendDraft(MsGraphResource.messages),
    /** Replies to the sender of {@code CamelMsGraphItemId} with the body's {@code MessageDraft}. */
    reply(MsGraphResource.messages),
    /** Replies to everyone on {@code CamelMsGraphItemId} with the body's {@code MessageDraft}. */
    replyAll(MsGraphResource.messages),
    /** Forwards {@code CamelMsGraphItemId} to the body's {@code MessageDraft} recipients. */
    forward(MsGraphResource.messages),
    /** Applies the body's {@code MessageChanges} (with {@code CamelMsGraphChangeKey} as If-Match): {@code MailMessage}. */
    updateMessage(MsGraphResource.messages),
    /** Moves a message to {@code CamelMsGraphDestinationFolderId}: {@code MailMessage} with its new id. */
    moveMessage(MsGraphResource.messages),
    /** Copies a message to {@code CamelMsGraphDestinationFolderId}: {@code MailMessage} of the copy. */
    copyMessage(MsGraphResource.messages),
    /** Deletes a message as {@code CamelMsGraphDeleteMode} says. */
    deleteMessage(MsGraphResource.messages),
    /** The body's {@code BatchRequest} on up to 1,000 messages, in {@code $batch}es of 20: {@code List<BatchResult>}, one per id. */
    batchMessages(MsGraphResource.messages),

    /** The occurrences between {@code CamelMsGraphStart} and {@code CamelMsGraphEnd}, series expanded: {@code List<CalendarEvent>}. */
    listEvents(MsGraphResource.calendar),
    /** One calendar item or occurrence: {@code CalendarEvent}. */
    getEvent(MsGraphResource.calendar),
    /** Creates the body's {@code EventDraft} (invitations go out): {@code CalendarEvent}. */
    createEvent(MsGraphResource.calendar),
    /** Applies the body's {@code EventDraft} (null fields stay): {@code CalendarEvent}. */
    updateEvent(MsGraphResource.calendar),
    /** The organizer cancels a meeting, telling the attendees {@code CamelMsGraphComment}. */
    cancelEvent(MsGraphResource.calendar),
    /** Deletes a calendar item as {@code CamelMsGraphDeleteMode} says. */
    deleteEvent(MsGraphResource.calendar),
    /** Answers an invitation with the body's {@code EventResponse}. */
    respondToEvent(MsGraphResource.calendar),

    /** A page of the contacts, by display name: {@code Page<Contact>}. */
    listContacts(MsGraphResource.contacts),
    /** Up to {@code CamelMsGraphTop} contacts whose names or addresses start with {@code CamelMsGraphQuery}: {@code List<Contact>}. */
    searchContacts(MsGraphResource.contacts),
    /** One contact: {@code Contact}. */
    getContact(MsGraphResource.contacts),
    /** Creates the body's {@code Contact}: {@code Contact}. */
    createContact(MsGraphResource.contacts),
    /** Applies the body's {@code Contact} (null fields stay): {@code Contact}. */
    updateContact(MsGraphResource.contacts),
    /** Deletes a contact as {@code CamelMsGraphDeleteMode} says. */
    deleteContact(MsGraphResource.contacts),

    /** The attachments of {@code CamelMsGraphItemId}: {@code List<Attachment>}. */
    listAttachments(MsGraphResource.attachments),
    /** One attachment's metadata: {@code Attachment}. */
    getAttachment(MsGraphResource.attachments),
    /** One attachment's content, streamed: an {@code InputStream}, with content type, length and name headers. */
    downloadAttachment(MsGraphResource.attachments),
    /** Attaches the body's {@code AttachmentUpload} to {@code CamelMsGraphItemId}, streamed above 3 MB: {@code Attachment}. */
    addAttachment(MsGraphResource.attachments),
    /** Deletes an attachment. */
    deleteAttachment(MsGraphResource.attachments);

    private final MsGraphResource resource;

    MsGraphOperation(MsGraphResource resource) {
        this.resource = resource;
    }

    /** The resource this operation belongs to. */
    public MsGraphResource resource() {
        return resource;
    }
}
