package io.exchangehub.api.ids;

import java.util.Locale;

/**
 * What a public id of the API stands for: an object of one kind, in one mailbox, on one backend,
 * with the backend's own id (and, for an attachment, the id of the item it is attached to, which
 * Graph needs to address it).
 *
 * @param kind     what kind of object
 * @param backend  the backend that knows the native id
 * @param mailbox  the mailbox holding the object, lower case
 * @param nativeId the backend's id, or a well-known folder name
 * @param parentId for an attachment: the native id of the item it is attached to; else null
 */
public record HubId(Kind kind, Backend backend, String mailbox, String nativeId, String parentId) {

    /** The kinds of object, each with the letter that stands for it inside an id. */
    public enum Kind {
        FOLDER('f'), MESSAGE('m'), ATTACHMENT('a'), EVENT('e'), CONTACT('c');

        final char letter;

        Kind(char letter) {
            this.letter = letter;
        }

        static Kind of(int letter) {
            for (Kind kind : values()) {
                if (kind.letter == letter) {
                    return kind;
                }
            }
            return null;
        }
    }

    /** The backends, each with the letter that stands for it inside an id. */
    public enum Backend {
        EWS('e', "ews"), GRAPH('g', "graph");

        final char letter;
        private final String id;

        Backend(char letter, String id) {
            this.letter = letter;
            this.id = id;
        }

        /** {@code ews} or {@code graph}, as configuration and the API name it. */
        public String id() {
            return id;
        }

        public static Backend of(String id) {
            for (Backend backend : values()) {
                if (backend.id.equalsIgnoreCase(id)) {
                    return backend;
                }
            }
            throw new IllegalArgumentException("Unknown backend '" + id + "'; known: ews, graph");
        }

        static Backend of(int letter) {
            for (Backend backend : values()) {
                if (backend.letter == letter) {
                    return backend;
                }
            }
            return null;
        }
    }

    public HubId {
        mailbox = mailbox.toLowerCase(Locale.ROOT);
    }

    public static HubId of(Kind kind, Backend backend, String mailbox, String nativeId) {
        return new HubId(kind, backend, mailbox, nativeId, null);
    }
}
