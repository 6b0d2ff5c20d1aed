package io.exchangehub.sandbox.store;

import java.util.List;

/**
 * Told of every change after the write that made it has finished, in journal order. Must
 * return quickly (queue the work), since it runs on the writer's thread.
 */
@FunctionalInterface
public interface ChangeListener {

    void changed(Mailbox mailbox, List<Change> changes);
}
