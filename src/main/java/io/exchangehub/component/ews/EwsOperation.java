package io.exchangehub.component.ews;

/** The producer's operations, each on one {@link EwsResource}. */
public enum EwsOperation {

    listFolders(EwsResource.folders),
    getFolder(EwsResource.folders),
    createFolder(EwsResource.folders),
    renameFolder(EwsResource.folders),
    moveFolder(EwsResource.folders),
    deleteFolder(EwsResource.folders),

    listMessages(EwsResource.messages),
    searchMessages(EwsResource.messages),
    getMessage(EwsResource.messages),
    sendMessage(EwsResource.messages),
    createDraft(EwsResource.messages),
    sendDraft(EwsResource.messages),
    reply(EwsResource.messages),
    replyAll(EwsResource.messages),
    forward(EwsResource.messages),
    updateMessage(EwsResource.messages),
    moveMessage(EwsResource.messages),
    copyMessage(EwsResource.messages),
    deleteMessage(EwsResource.messages),
    batchMessages(EwsResource.messages),

    listEvents(EwsResource.calendar),
    getEvent(EwsResource.calendar),
    createEvent(EwsResource.calendar),
    updateEvent(EwsResource.calendar),
    deleteEvent(EwsResource.calendar),
    cancelEvent(EwsResource.calendar),
    respondToEvent(EwsResource.calendar),

    listContacts(EwsResource.contacts),
    searchContacts(EwsResource.contacts),
    getContact(EwsResource.contacts),
    createContact(EwsResource.contacts),
    updateContact(EwsResource.contacts),
    deleteContact(EwsResource.contacts),

    listAttachments(EwsResource.attachments),
    getAttachment(EwsResource.attachments),
    downloadAttachment(EwsResource.attachments),
    addAttachment(EwsResource.attachments),
    deleteAttachment(EwsResource.attachments);

    private final EwsResource resource;

    EwsOperation(EwsResource resource) {
        this.resource = resource;
    }

    public EwsResource resource() {
        return resource;
    }
}
