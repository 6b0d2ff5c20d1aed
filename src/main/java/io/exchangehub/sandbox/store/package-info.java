/**
 * The sandbox's one in-memory store of mailboxes, which every protocol face (EWS SOAP,
 * Graph REST) reads and writes, so that a change made through one is visible through the
 * other and produces the notifications each would send.
 *
 * <p>Entities ({@link io.exchangehub.sandbox.store.Folder}, {@link io.exchangehub.sandbox.store.Item}
 * and its kinds, {@link io.exchangehub.sandbox.store.Attachment}) are plain mutable objects
 * guarded by the store's single read-write lock: faces touch them only inside
 * {@link io.exchangehub.sandbox.store.SandboxStore#read} and
 * {@link io.exchangehub.sandbox.store.SandboxStore#write}, and mutate them only through the
 * store's operations, which record every change in the mailbox journal. Value types
 * (recipients, bodies, recurrence) are immutable records. A sandbox is a test double: one
 * lock keeps it obviously correct, and in-memory operations are short.
 */
package io.exchangehub.sandbox.store;
