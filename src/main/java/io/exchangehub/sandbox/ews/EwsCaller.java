package io.exchangehub.sandbox.ews;

/**
 * Whom a request acts as.
 *
 * @param address the mailbox the request acts as: the signed-in user, or the mailbox an app impersonates
 * @param appOnly whether an app-only token impersonates {@code address}
 */
record EwsCaller(String address, boolean appOnly) {}
