package io.exchangehub.sandbox.ews;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@link XmlOut} trees with the JDK's StAX writer straight to the response stream.
 * Binary children are base64-encoded in chunks as they are read, outside any store lock.
 */
final class ResponseWriter {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();
    private static final Map<String, String> PREFIXES = Map.of("s", Soap.ENVELOPE, "m", Soap.MESSAGES, "t", Soap.TYPES,
            "h", Soap.TYPES, "e", Soap.ERRORS);
    /** Bytes per base64 chunk: a multiple of 3, so that chunks concatenate without padding. */
    private static final int CHUNK = 48 * 1024;

    private ResponseWriter() {}

    /** Writes a document: the XML declaration and the element. */
    static void write(XmlOut root, OutputStream out) throws IOException {
        try {
            XMLStreamWriter writer = FACTORY.createXMLStreamWriter(out, "utf-8");
            writer.writeStartDocument("utf-8", "1.0");
            element(writer, root);
            writer.writeEndDocument();
            writer.flush();
        } catch (XMLStreamException e) {
            throw asIo(e);
        }
    }

    private static IOException asIo(XMLStreamException e) {
        if (e.getNestedException() instanceof IOException io) {
            return io;
        }
        if (e.getCause() instanceof IOException io) {
            return io;
        }
        return new IOException(e.getMessage(), e);
    }

    private static void element(XMLStreamWriter writer, XmlOut element) throws XMLStreamException, IOException {
        String qualified = element.name();
        int colon = qualified.indexOf(':');
        String prefix = colon < 0 ? "" : qualified.substring(0, colon);
        String local = qualified.substring(colon + 1);
        String namespace = colon < 0 ? "" : PREFIXES.getOrDefault(prefix, "");
        boolean empty = element.children().isEmpty();
        if (empty) {
            writer.writeEmptyElement(prefix, local, namespace);
        } else {
            writer.writeStartElement(prefix, local, namespace);
        }
        for (String[] attribute : element.attributes()) {
            String attributeName = attribute[0];
            if (attributeName.equals("xmlns")) {
                writer.writeDefaultNamespace(attribute[1]);
            } else if (attributeName.startsWith("xmlns:")) {
                writer.writeNamespace(attributeName.substring(6), attribute[1]);
            } else if (attributeName.startsWith("xml:")) {
                writer.writeAttribute("xml", XMLConstants.XML_NS_URI, attributeName.substring(4), attribute[1]);
            } else {
                writer.writeAttribute(attributeName, clean(attribute[1]));
            }
        }
        if (empty) {
            return;
        }
        for (Object child : element.children()) {
            if (child instanceof XmlOut nested) {
                element(writer, nested);
            } else if (child instanceof XmlOut.Binary binary) {
                binary(writer, binary);
            } else {
                writer.writeCharacters(clean((String) child));
            }
        }
        writer.writeEndElement();
    }

    private static void binary(XMLStreamWriter writer, XmlOut.Binary binary) throws XMLStreamException, IOException {
        if (binary.content() != null) {
            Base64.Encoder encoder = Base64.getEncoder();
            byte[] buffer = new byte[CHUNK];
            try (InputStream in = binary.content().open()) {
                int filled;
                while ((filled = in.readNBytes(buffer, 0, CHUNK)) > 0) {
                    byte[] chunk = filled == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, filled);
                    writer.writeCharacters(new String(encoder.encode(chunk), StandardCharsets.ISO_8859_1));
                }
            }
            return;
        }
        OutputStream characters = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                try {
                    writer.writeCharacters(new String(bytes, offset, length, StandardCharsets.ISO_8859_1));
                } catch (XMLStreamException e) {
                    throw asIo(e);
                }
            }
        };
        try (OutputStream encoded = new BufferedOutputStream(Base64.getEncoder().wrap(new BufferedOutputStream(characters, CHUNK)),
                CHUNK)) {
            binary.bytes().writeTo(encoded);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The text without characters XML 1.0 cannot carry (control characters, stray surrogates). */
    static String clean(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF
                    || Character.isSurrogate(c)) {
                return cleanSlow(text);
            }
        }
        return text;
    }

    private static String cleanSlow(String text) {
        StringBuilder result = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                result.append(c).append(text.charAt(++i));
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF || Character.isSurrogate(c)) {
                result.append(' ');
            } else {
                result.append(c);
            }
        }
        return result.toString();
    }
}
