package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.Content;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One element of a parsed EWS request. Clients use any namespace prefixes (ews-java-api writes
 * {@code m:}/{@code t:}, Evolution a default types namespace and {@code messages:}), so elements
 * are looked up by local name; base64 contents (attachments, MIME) arrive already decoded as a
 * {@link Content}, never as a string.
 */
final class XmlIn {

    private final String namespace;
    private final String name;
    private final int line;
    private final int column;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<XmlIn> children = new ArrayList<>();
    private String text = "";
    private Content binary;

    XmlIn(String namespace, String name, int line, int column) {
        this.namespace = namespace == null ? "" : namespace;
        this.name = name;
        this.line = line;
        this.column = column;
    }

    String namespace() {
        return namespace;
    }

    String name() {
        return name;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }

    void attribute(String localName, String value) {
        attributes.put(localName, value);
    }

    void add(XmlIn child) {
        children.add(child);
    }

    void text(String value) {
        text = value;
    }

    void binary(Content value) {
        binary = value;
    }

    /** An attribute (unqualified, as all EWS attributes are), or null. */
    String attr(String localName) {
        return attributes.get(localName);
    }

    String attr(String localName, String fallback) {
        String value = attributes.get(localName);
        return value == null ? fallback : value;
    }

    /** The element's text as sent. */
    String text() {
        return text;
    }

    /** The text without surrounding whitespace, as XML Schema reads tokens, numbers and dates. */
    String token() {
        return text.strip();
    }

    /** The decoded bytes of a base64 element ({@code t:Content}, {@code t:MimeContent}). */
    Content binary() {
        return binary;
    }

    List<XmlIn> children() {
        return Collections.unmodifiableList(children);
    }

    /** The first child with that local name, or null. */
    XmlIn child(String localName) {
        for (XmlIn child : children) {
            if (child.name.equals(localName)) {
                return child;
            }
        }
        return null;
    }

    List<XmlIn> children(String localName) {
        List<XmlIn> result = new ArrayList<>();
        for (XmlIn child : children) {
            if (child.name.equals(localName)) {
                result.add(child);
            }
        }
        return result;
    }

    /** The first child element of any name, or null. */
    XmlIn first() {
        return children.isEmpty() ? null : children.get(0);
    }

    /** A child the schema requires; its absence is a schema violation, as Exchange reports it. */
    XmlIn require(String localName) {
        XmlIn child = child(localName);
        if (child == null) {
            throw SoapFault.schema(this, "The element '" + name + "' has incomplete content. List of possible elements expected: '"
                    + localName + "'.");
        }
        return child;
    }

    /** The text of a child, or null when the child is absent. */
    String childText(String localName) {
        XmlIn child = child(localName);
        return child == null ? null : child.text();
    }

    @Override
    public String toString() {
        return "<" + name + "> at " + line + ":" + column;
    }
}
