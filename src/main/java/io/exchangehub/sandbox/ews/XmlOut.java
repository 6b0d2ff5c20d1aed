package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.Content;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One element of an EWS response, built while the store is locked and written after it is
 * released. Names carry Exchange's prefixes ({@code m:}, {@code t:}); binary values are kept as
 * an immutable {@link Content} or a {@link Bytes} writer and base64-encoded only when written,
 * so that a 25 MB attachment is streamed, not copied.
 */
final class XmlOut {

    /** Writes bytes that the response carries base64-encoded (a MIME rendering, for instance). */
    @FunctionalInterface
    interface Bytes {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A child that is base64 text. */
    record Binary(Content content, Bytes bytes) {}

    private final String name;
    private final List<String[]> attributes = new ArrayList<>(2);
    private final List<Object> children = new ArrayList<>(4);

    XmlOut(String qualifiedName) {
        this.name = qualifiedName;
    }

    static XmlOut m(String localName) {
        return new XmlOut("m:" + localName);
    }

    static XmlOut t(String localName) {
        return new XmlOut("t:" + localName);
    }

    String name() {
        return name;
    }

    List<String[]> attributes() {
        return Collections.unmodifiableList(attributes);
    }

    List<Object> children() {
        return Collections.unmodifiableList(children);
    }

    /** Adds an attribute; a null value leaves it out. */
    XmlOut attr(String attributeName, Object value) {
        if (value != null) {
            attributes.add(new String[] {attributeName, value.toString()});
        }
        return this;
    }

    XmlOut add(XmlOut child) {
        if (child != null) {
            children.add(child);
        }
        return this;
    }

    /** Adds a new child element and returns the child. */
    XmlOut child(String qualifiedName) {
        XmlOut child = new XmlOut(qualifiedName);
        children.add(child);
        return child;
    }

    /** Adds a child element with text; a null value leaves it out. Returns this element. */
    XmlOut el(String qualifiedName, Object value) {
        if (value != null) {
            child(qualifiedName).text(value.toString());
        }
        return this;
    }

    XmlOut text(String value) {
        if (value != null && !value.isEmpty()) {
            children.add(value);
        }
        return this;
    }

    XmlOut binary(Content content) {
        children.add(new Binary(content, null));
        return this;
    }

    XmlOut binary(Bytes bytes) {
        children.add(new Binary(null, bytes));
        return this;
    }

    boolean isEmpty() {
        return children.isEmpty();
    }
}
