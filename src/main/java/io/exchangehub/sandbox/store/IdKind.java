package io.exchangehub.sandbox.store;

/** What a store id names; the first byte of every encoded id. */
public enum IdKind {
    FOLDER(1),
    ITEM(2),
    ATTACHMENT(3),
    /** One occurrence of a recurring series: the master's number and the occurrence's original start. */
    OCCURRENCE(4);

    final int code;

    IdKind(int code) {
        this.code = code;
    }

    static IdKind of(int code) {
        for (IdKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        return null;
    }
}
