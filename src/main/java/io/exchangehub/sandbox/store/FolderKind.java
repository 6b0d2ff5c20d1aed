package io.exchangehub.sandbox.store;

/** What a folder holds; decides its FolderClass and which items it accepts. */
public enum FolderKind {
    ROOT("IPF.Note"),
    MAIL("IPF.Note"),
    CALENDAR("IPF.Appointment"),
    CONTACTS("IPF.Contact"),
    TASKS("IPF.Task"),
    NOTES("IPF.StickyNote");

    private final String folderClass;

    FolderKind(String folderClass) {
        this.folderClass = folderClass;
    }

    public String folderClass() {
        return folderClass;
    }

    public static FolderKind ofFolderClass(String folderClass) {
        if (folderClass == null) {
            return MAIL;
        }
        for (FolderKind kind : values()) {
            if (kind != ROOT && folderClass.startsWith(kind.folderClass)) {
                return kind;
            }
        }
        return MAIL;
    }
}
