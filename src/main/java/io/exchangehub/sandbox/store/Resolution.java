package io.exchangehub.sandbox.store;

/**
 * One answer of name resolution: a contact of the mailbox, or a directory entry, or both.
 *
 * @param recipient the resolved mailbox
 * @param contact   the contact it came from, or null
 * @param directory the directory entry it came from, or null
 */
public record Resolution(Recipient recipient, Contact contact, DirectoryEntry directory) {}
