/**
 * The hub's canonical model: what a mailbox holds, the same whichever backend serves it. The
 * {@code ews:} and {@code msgraph:} components map their native objects to these records (one
 * mapper per backend per type) and nothing backend-specific leaks past them; the REST API
 * serialises them as JSON. Records are immutable; lists are never null (empty when absent);
 * fields a list view does not fetch (bodies, attachments) are null there. Times are instants
 * in UTC, except calendar times, which carry their time zone ({@link DateTimeZone}).
 *
 * <p>Failures of either backend are the typed exceptions of this package
 * ({@link MailboxException} and its kinds), so that callers handle them without knowing the
 * backend.
 */
package io.exchangehub.model;
