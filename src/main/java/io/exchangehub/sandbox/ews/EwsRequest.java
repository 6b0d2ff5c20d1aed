package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.Content;
import io.exchangehub.sandbox.store.SandboxStore;

/**
 * One EWS request, parsed and authenticated: the operation element, the requested version and
 * the caller, and the store it works on.
 *
 * @param operation the operation element ({@code m:FindItem}, …)
 * @param version   the RequestServerVersion
 * @param caller    whom it acts as
 * @param store     the sandbox's mailboxes
 * @param reader    the reader that decoded it, which owns the temporary files of its contents
 */
record EwsRequest(XmlIn operation, EwsVersion version, EwsCaller caller, SandboxStore store, RequestReader reader) {

    String name() {
        return operation.name();
    }

    /** Hands a decoded or copied content to the store: its temporary file must outlive the request. */
    void keep(Content content) {
        reader.keep(content);
    }

    boolean atLeast(EwsVersion wanted) {
        return version.atLeast(wanted);
    }
}
