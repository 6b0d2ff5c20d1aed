/**
 * The Microsoft Graph v1.0 face of the Exchange sandbox, at {@code /sandbox/graph/v1.0}, over
 * the same store as the EWS face: mail folders, messages, attachments (and upload sessions),
 * calendars and events, contacts, delta queries, change-notification subscriptions and
 * {@code $batch}, for {@code /me} and {@code /users/{objectId or UPN}}.
 *
 * <p>Every request goes through {@link io.exchangehub.sandbox.graph.GraphInterceptor}: a token
 * for the Graph audience, the mailbox and the caller's right to it, Outlook's concurrency
 * limit, then the fault switches under the operation names listed on
 * {@link io.exchangehub.sandbox.graph.GraphOperation}. Answers and errors have Graph's shapes,
 * property names as in Graph's {@code $metadata}.
 *
 * <p>Besides the Graph paths, the sandbox has:
 * <ul>
 * <li>{@code /sandbox/graph/upload/{session}?authtoken=…}, the upload URLs of attachment upload
 *     sessions (no bearer token, like Outlook's);</li>
 * <li>{@code POST /sandbox/graph-control/subscriptions/{id}/lifecycle} with
 *     {@code {"event":"missed"|"subscriptionRemoved"|"reauthorizationRequired"}}, which sends
 *     that lifecycle notification now (for tests).</li>
 * </ul>
 *
 * <p>Where the sandbox differs from Graph on purpose: notification URLs may be plain http (for
 * local receivers); failed notifications are retried for about half a minute, not four hours;
 * calendarView delta tokens live in memory (an unknown one is 410 and the client starts over);
 * URL segments are case-sensitive and OData key syntax ({@code mailFolders('Inbox')}) is
 * understood only in subscription resources.
 */
package io.exchangehub.sandbox.graph;
