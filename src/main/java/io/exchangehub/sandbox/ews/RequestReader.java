package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.BytesContent;
import io.exchangehub.sandbox.store.Content;
import io.exchangehub.sandbox.store.FileContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an EWS request into {@link XmlIn} elements with the JDK's StAX parser: namespace-aware,
 * no DTDs or external entities, and base64 elements decoded while they stream (see
 * {@link Base64Spool}). Anything that is not well-formed XML is an ErrorSchemaValidation fault,
 * as Exchange reports it.
 */
final class RequestReader implements AutoCloseable {

    /** Elements whose text is base64 that may be huge: file attachment contents and MIME contents. */
    private static final Set<String> BINARY = Set.of("Content", "MimeContent");

    private static final XMLInputFactory FACTORY = createFactory();

    private final List<Base64Spool> spools = new ArrayList<>();
    /** Temporary files of MIME parts copied out of this request's MIME content, and those the store kept. */
    private final List<Path> copies = new ArrayList<>();
    private final Set<Path> keptCopies = new HashSet<>();

    private static XMLInputFactory createFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    /**
     * Parses a whole document.
     *
     * @throws SoapFault      ErrorSchemaValidation if it is not well-formed or a base64 element is not base64
     * @throws IOException    if reading the body failed (including {@link RequestTooLargeException})
     */
    XmlIn read(InputStream in) throws IOException {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(in);
            return readDocument(reader);
        } catch (XMLStreamException e) {
            IOException io = ioCause(e);
            if (io != null) {
                throw io;
            }
            Location location = e.getLocation();
            String message = e.getMessage() == null ? "The request is not well-formed XML." : e.getMessage();
            int cut = message.indexOf("Message: ");
            throw SoapFault.schema(location == null ? 0 : location.getLineNumber(),
                    location == null ? 0 : location.getColumnNumber(), cut >= 0 ? message.substring(cut + 9) : message);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing was left open that matters
                }
            }
        }
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
            if (t instanceof XMLStreamException xse && xse.getNestedException() instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    private XmlIn readDocument(XMLStreamReader reader) throws XMLStreamException {
        Deque<XmlIn> open = new ArrayDeque<>();
        Deque<StringBuilder> texts = new ArrayDeque<>();
        Base64Spool spool = null;
        XmlIn root = null;
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (spool != null) {
                        XmlIn parent = open.peek();
                        throw SoapFault.schema(reader.getLocation().getLineNumber(), reader.getLocation().getColumnNumber(),
                                "The element '" + parent.name() + "' cannot contain child element '" + reader.getLocalName()
                                        + "' because the parent element's content model is text only.");
                    }
                    Location location = reader.getLocation();
                    XmlIn element = new XmlIn(reader.getNamespaceURI(), reader.getLocalName(), location.getLineNumber(),
                            location.getColumnNumber());
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        String ns = reader.getAttributeNamespace(i);
                        if (ns == null || ns.isEmpty()) {
                            element.attribute(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                        }
                    }
                    if (open.isEmpty()) {
                        root = element;
                    } else {
                        open.peek().add(element);
                    }
                    open.push(element);
                    texts.push(new StringBuilder());
                    if (BINARY.contains(element.name())) {
                        spool = new Base64Spool();
                        spools.add(spool);
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (open.isEmpty()) {
                        break;
                    }
                    if (spool != null) {
                        try {
                            spool.write(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                        } catch (IllegalArgumentException e) {
                            throw notBase64(open.peek());
                        }
                    } else {
                        texts.peek().append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    XmlIn element = open.pop();
                    StringBuilder text = texts.pop();
                    if (spool != null) {
                        try {
                            element.binary(spool.finish());
                        } catch (IllegalArgumentException e) {
                            throw notBase64(element);
                        }
                        spool = null;
                    } else {
                        element.text(text.toString());
                    }
                }
                default -> {
                    // comments, processing instructions and the document's end carry nothing for EWS
                }
            }
        }
        if (root == null) {
            throw SoapFault.schema(1, 1, "Root element is missing.");
        }
        return root;
    }

    private static SoapFault notBase64(XmlIn element) {
        return SoapFault.schema(element, "The '" + element.name() + "' element is invalid - The value is invalid according to its "
                + "datatype 'http://www.w3.org/2001/XMLSchema:base64Binary' - The string is not a valid Base64 string.");
    }

    /**
     * The bytes of a stream (a MIME part) as a content: in memory while small, else in a temporary
     * file that lives as long as this reader unless the store keeps the content.
     */
    Content copy(InputStream in) throws IOException {
        byte[] head = in.readNBytes(Base64Spool.MEMORY_LIMIT + 1);
        if (head.length <= Base64Spool.MEMORY_LIMIT) {
            return new BytesContent(head);
        }
        Path file = Files.createTempFile("ews-mime-", ".bin");
        copies.add(file);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(head);
            in.transferTo(out);
        }
        return new FileContent(file, Files.size(file));
    }

    /** Keeps the temporary file behind a decoded or copied content, because the store now holds it. */
    void keep(Content content) {
        for (Base64Spool spool : spools) {
            spool.keepIf(content);
        }
        if (content instanceof FileContent file && copies.contains(file.path()) && keptCopies.add(file.path())) {
            file.path().toFile().deleteOnExit();
        }
    }

    /** Deletes the temporary files of contents nobody kept. */
    @Override
    public void close() {
        for (Base64Spool spool : spools) {
            spool.close();
        }
        for (Path file : copies) {
            if (!keptCopies.contains(file)) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the temporary folder's own clean-up takes what cannot be deleted now
                }
            }
        }
    }
}
