package io.exchangehub.sandbox.store;

/** A person's mailbox, or a shared mailbox that delegates open. */
public enum MailboxType { USER, SHARED }
