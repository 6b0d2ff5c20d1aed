package io.exchangehub.sandbox.ews;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;

/**
 * The official EWS schema ({@code ${hub.reference.dir}/ews-schema/messages.xsd}) and checks of
 * EWS answers against it: the first child of each envelope's Body must be valid, a SOAP fault
 * must have Exchange's shape. Absent when the reference folder is missing.
 */
final class EwsSchema {

    /** types.xsd imports the XML namespace without a location; this minimal schema stands in for xml.xsd. */
    private static final String XML_XSD = "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema' "
            + "targetNamespace='http://www.w3.org/XML/1998/namespace'><xs:attribute name='lang' type='xs:language'/>"
            + "<xs:attribute name='space' type='xs:NCName'/><xs:attribute name='base' type='xs:anyURI'/>"
            + "<xs:attribute name='id' type='xs:ID'/></xs:schema>";
    private static final String ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String MESSAGES = "http://schemas.microsoft.com/exchange/services/2006/messages";
    private static final String TYPES = "http://schemas.microsoft.com/exchange/services/2006/types";
    private static final String XML_DECLARATION = "<?xml";

    private static Schema schema;
    private static boolean loaded;

    private EwsSchema() {}

    static Path location() {
        return Path.of(System.getProperty("hub.reference.dir", "../shared/reference"), "ews-schema", "messages.xsd");
    }

    /** The compiled schema, or null when the reference folder is absent. */
    static synchronized Schema schema() {
        if (!loaded) {
            loaded = true;
            Path messages = location();
            if (Files.isRegularFile(messages)) {
                schema = compile(messages);
            }
        }
        return schema;
    }

    private static Schema compile(Path messages) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            DOMImplementationLS ls = (DOMImplementationLS) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .getDOMImplementation();
            factory.setResourceResolver((type, namespace, publicId, systemId, base) -> {
                if (XMLConstants.XML_NS_URI.equals(namespace)) {
                    LSInput input = ls.createLSInput();
                    input.setStringData(XML_XSD);
                    input.setSystemId("xml.xsd");
                    return input;
                }
                return null;
            });
            return factory.newSchema(new StreamSource(messages.toFile()));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot compile " + messages, e);
        }
    }

    /**
     * Checks every envelope of an answer (a streamed answer holds several, each with its XML
     * declaration): valid Body content, or a fault of Exchange's shape.
     *
     * @return the local names of the checked Body children, in order
     */
    static List<String> check(byte[] answer) {
        List<String> checked = new ArrayList<>();
        String text = new String(answer, StandardCharsets.UTF_8);
        int start = text.indexOf(XML_DECLARATION);
        if (start < 0) {
            start = 0;
        }
        while (start < text.length()) {
            int next = text.indexOf(XML_DECLARATION, start + 1);
            String envelope = next < 0 ? text.substring(start) : text.substring(start, next);
            if (!envelope.isBlank()) {
                checked.add(checkEnvelope(envelope));
            }
            if (next < 0) {
                break;
            }
            start = next;
        }
        return checked;
    }

    private static String checkEnvelope(String envelope) {
        Element first;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(envelope.getBytes(StandardCharsets.UTF_8)));
            Element root = document.getDocumentElement();
            assertThat(root.getNamespaceURI() + " " + root.getLocalName()).isEqualTo(ENVELOPE + " Envelope");
            Element body = child(root, ENVELOPE, "Body");
            assertThat(body).as("SOAP Body").isNotNull();
            first = firstElement(body);
            assertThat(first).as("Body content").isNotNull();
            if (ENVELOPE.equals(first.getNamespaceURI()) && "Fault".equals(first.getLocalName())) {
                checkFault(first);
                return "Fault";
            }
            streamingNamespaces(first);
            schema().newValidator().validate(new DOMSource(first));
            return first.getLocalName();
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("Not valid against messages.xsd: " + e.getMessage() + "\n" + abbreviate(envelope), e);
        }
    }

    /**
     * The one place where Exchange does not follow its own schema: in GetStreamingEvents answers
     * it writes {@code Notification} (in {@code Notifications}) and {@code SubscriptionId} (in
     * {@code ErrorSubscriptionIds}) in the messages namespace, where messages.xsd has the types
     * namespace. Microsoft's documented answer shows it, and the EWS Managed API and ews-java-api
     * read only that form, so the sandbox writes it too; the check reads those two elements as
     * the schema names them and everything else as written.
     */
    private static void streamingNamespaces(Element first) {
        if (!"GetStreamingEventsResponse".equals(first.getLocalName())) {
            return;
        }
        org.w3c.dom.NodeList all = first.getElementsByTagNameNS(MESSAGES, "*");
        List<Element> renamed = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            String parent = element.getParentNode().getLocalName();
            if ("Notification".equals(element.getLocalName()) && "Notifications".equals(parent)
                    || "SubscriptionId".equals(element.getLocalName()) && "ErrorSubscriptionIds".equals(parent)) {
                renamed.add(element);
            }
        }
        for (Element element : renamed) {
            element.getOwnerDocument().renameNode(element, TYPES, "t:" + element.getLocalName());
        }
    }

    /** A fault as Exchange writes it: a code in a namespace, a string, and the EWS ResponseCode in the detail. */
    private static void checkFault(Element fault) {
        Element code = child(fault, null, "faultcode");
        Element string = child(fault, null, "faultstring");
        assertThat(code).as("faultcode").isNotNull();
        assertThat(code.getTextContent()).as("faultcode").matches("\\w+:\\w+");
        assertThat(string).as("faultstring").isNotNull();
        Element detail = child(fault, null, "detail");
        if (detail != null) {
            Element responseCode = child(detail, "http://schemas.microsoft.com/exchange/services/2006/errors", "ResponseCode");
            assertThat(responseCode).as("detail ResponseCode").isNotNull();
            assertThat(code.getTextContent()).endsWith(":" + responseCode.getTextContent().strip());
        }
    }

    private static Element child(Element parent, String namespace, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())
                    && (namespace == null || namespace.equals(element.getNamespaceURI()))) {
                return element;
            }
        }
        return null;
    }

    private static Element firstElement(Element parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                return element;
            }
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() <= 4000 ? text : text.substring(0, 4000) + "…";
    }
}
