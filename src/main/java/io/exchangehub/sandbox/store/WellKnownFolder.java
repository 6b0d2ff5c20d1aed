package io.exchangehub.sandbox.store;

import java.util.Locale;

/**
 * Exchange's distinguished folders. The EWS name is the DistinguishedFolderId; the Graph name
 * is the well-known folder name; both faces accept their spelling case-insensitively.
 */
public enum WellKnownFolder {
    ROOT("root", null, "", FolderKind.ROOT),
    MSG_FOLDER_ROOT("msgfolderroot", "msgfolderroot", "Top of Information Store", FolderKind.ROOT),
    INBOX("inbox", "inbox", "Inbox", FolderKind.MAIL),
    DRAFTS("drafts", "drafts", "Drafts", FolderKind.MAIL),
    SENT_ITEMS("sentitems", "sentitems", "Sent Items", FolderKind.MAIL),
    DELETED_ITEMS("deleteditems", "deleteditems", "Deleted Items", FolderKind.MAIL),
    JUNK_EMAIL("junkemail", "junkemail", "Junk Email", FolderKind.MAIL),
    OUTBOX("outbox", "outbox", "Outbox", FolderKind.MAIL),
    ARCHIVE("archive", "archive", "Archive", FolderKind.MAIL),
    CONVERSATION_HISTORY("conversationhistory", "conversationhistory", "Conversation History", FolderKind.MAIL),
    CALENDAR("calendar", null, "Calendar", FolderKind.CALENDAR),
    CONTACTS("contacts", null, "Contacts", FolderKind.CONTACTS),
    TASKS("tasks", null, "Tasks", FolderKind.TASKS),
    NOTES("notes", null, "Notes", FolderKind.NOTES);

    private final String ewsName;
    private final String graphName;
    private final String displayName;
    private final FolderKind kind;

    WellKnownFolder(String ewsName, String graphName, String displayName, FolderKind kind) {
        this.ewsName = ewsName;
        this.graphName = graphName;
        this.displayName = displayName;
        this.kind = kind;
    }

    public String ewsName() {
        return ewsName;
    }

    /** The Graph mailFolder well-known name, null for folders Graph does not expose as mail folders. */
    public String graphName() {
        return graphName;
    }

    public String displayName() {
        return displayName;
    }

    public FolderKind kind() {
        return kind;
    }

    public static WellKnownFolder ofEwsName(String name) {
        if (name == null) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (WellKnownFolder folder : values()) {
            if (folder.ewsName.equals(lower)) {
                return folder;
            }
        }
        return null;
    }

    public static WellKnownFolder ofGraphName(String name) {
        if (name == null) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (WellKnownFolder folder : values()) {
            if (lower.equals(folder.graphName)) {
                return folder;
            }
        }
        return null;
    }
}
