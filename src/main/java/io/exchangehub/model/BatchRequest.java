package io.exchangehub.model;

import java.util.List;

/**
 * One action on up to 1,000 messages.
 *
 * @param action              what to do to each
 * @param ids                 the messages
 * @param destinationFolderId MOVE and COPY: where to
 * @param deleteMode          DELETE: how
 * @param flag                FLAG: the flag to set
 */
public record BatchRequest(Action action, List<String> ids, String destinationFolderId, DeleteMode deleteMode, Flag flag) {

    public static final int MAX_IDS = 1000;

    public enum Action { MARK_READ, MARK_UNREAD, FLAG, MOVE, COPY, DELETE }

    public BatchRequest {
        ids = ids == null ? List.of() : List.copyOf(ids);
    }
}
