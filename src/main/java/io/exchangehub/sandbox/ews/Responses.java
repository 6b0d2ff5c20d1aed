package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.StoreException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds {@code m:<Operation>Response} elements: one response message per input, in order, each
 * a Success, or an Error with the ResponseCode its failure maps to while the others go on.
 */
final class Responses {

    private Responses() {}

    static XmlOut response(String operation) {
        return XmlOut.m(operation + "Response");
    }

    /**
     * A response with one message per input.
     *
     * @param operation the operation name
     * @param inputs    what the request lists (ids, items, changes)
     * @param handler   fills the message of one input, given its Success message element
     * @param onError   adds what the schema requires of an Error message (e.g. an empty {@code m:Items})
     */
    static <T> XmlOut each(String operation, List<T> inputs, Handler<T> handler, Consumer<XmlOut> onError) {
        XmlOut response = response(operation);
        XmlOut messages = response.child("m:ResponseMessages");
        for (T input : inputs) {
            messages.add(one(operation, message -> handler.handle(input, message), onError));
        }
        return response;
    }

    /** A response with a single message. */
    static XmlOut single(String operation, Consumer<XmlOut> handler, Consumer<XmlOut> onError) {
        XmlOut response = response(operation);
        response.child("m:ResponseMessages").add(one(operation, handler, onError));
        return response;
    }

    /** One message: Success filled by the handler, or the Error its failure maps to. */
    static XmlOut one(String operation, Consumer<XmlOut> handler, Consumer<XmlOut> onError) {
        String messageName = operation + "ResponseMessage";
        try {
            XmlOut message = Envelopes.success(messageName);
            handler.accept(message);
            return message;
        } catch (EwsError e) {
            return errorMessage(messageName, e, onError);
        } catch (StoreException e) {
            return errorMessage(messageName, EwsError.of(e), onError);
        }
    }

    private static XmlOut errorMessage(String messageName, EwsError error, Consumer<XmlOut> onError) {
        XmlOut message = Envelopes.error(messageName, error);
        if (onError != null) {
            onError.accept(message);
        }
        return message;
    }

    /** Adds an empty container element to error messages. */
    static Consumer<XmlOut> empty(String container) {
        return message -> message.child(container);
    }

    /** Fills the Success message of one input. */
    @FunctionalInterface
    interface Handler<T> {
        void handle(T input, XmlOut message);
    }
}
