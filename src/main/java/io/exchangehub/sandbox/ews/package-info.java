/**
 * The EWS SOAP face of the Exchange sandbox, at {@code /sandbox/ews/Exchange.asmx}, over the
 * same store as the Graph face. {@link io.exchangehub.sandbox.ews.EwsEndpoint} authenticates,
 * applies fault switches and dispatches each request to its operation; requests are read
 * namespace-aware with streamed base64 ({@link io.exchangehub.sandbox.ews.RequestReader}), and
 * answers are written in the schema's element order from a property catalog keyed by FieldURI
 * ({@link io.exchangehub.sandbox.ews.ItemXml}), streaming attachment contents outside the store
 * lock. docs/sandbox.md lists the operations and where the face differs from Exchange.
 */
package io.exchangehub.sandbox.ews;
