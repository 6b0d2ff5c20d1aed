package io.exchangehub.sandbox.store;

/** Fills a mailbox with its initial folders and items, the first time it is used. */
@FunctionalInterface
public interface MailboxPopulator {

    void populate(MailboxBuilder builder);
}
