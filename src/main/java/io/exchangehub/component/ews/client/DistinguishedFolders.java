package io.exchangehub.component.ews.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import microsoft.exchange.webservices.data.credential.ExchangeCredentials;
import org.apache.http.client.methods.CloseableHttpResponse;

/**
 * Distinguished folders by their EWS names, over the component's own SOAP path: ews-java-api 2.0's
 * {@code WellKnownFolderName} stops at the Exchange 2010 names, and lacks {@code archive} and
 * {@code conversationhistory}, which Exchange 2019's DistinguishedFolderIdNameType has (and which
 * Graph names among its well-known mail folders). One GetFolder, at the Exchange 2013 schema level,
 * asks for any number of names with the folders' ids only.
 */
public final class DistinguishedFolders {

    /**
     * The distinguished names that Graph also knows as well-known mail folders and that
     * ews-java-api's enum lacks: they are looked up here whenever a header names one.
     */
    public static final Set<String> BEYOND_EWS_JAVA_API = Set.of("archive", "conversationhistory", "syncissues", "conflicts",
            "localfailures", "serverfailures", "scheduled");

    /**
     * One name's answer.
     *
     * @param name  the distinguished name asked for
     * @param id    the folder's EWS id, null on failure
     * @param error the ResponseCode of a failure (ErrorFolderNotFound for a folder the mailbox does not have), else null
     */
    public record Outcome(String name, String id, String error) {}

    private DistinguishedFolders() {}

    /**
     * The ids of a mailbox's distinguished folders, in one GetFolder.
     *
     * @param mailbox the mailbox's SMTP address (a delegate names the mailbox it opens)
     * @param names   lower-case DistinguishedFolderIdNameType values
     * @return one outcome per name, in order
     */
    public static List<Outcome> ids(EwsClient client, EwsAccess access, ExchangeCredentials credentials, String mailbox,
            List<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return client.retrying(names.size() == 1 ? names.get(0) : null, () -> {
            try (CloseableHttpResponse response = RawSoap.post(client, access, credentials, RawSoap.EXCHANGE_2013, "GetFolder",
                    (xml, raw) -> {
                        xml.writeStartElement("m", "GetFolder", RawSoap.MESSAGES);
                        xml.writeStartElement("m", "FolderShape", RawSoap.MESSAGES);
                        RawSoap.element(xml, "BaseShape", "IdOnly");
                        xml.writeEndElement();
                        xml.writeStartElement("m", "FolderIds", RawSoap.MESSAGES);
                        for (String name : names) {
                            xml.writeStartElement("t", "DistinguishedFolderId", RawSoap.TYPES);
                            xml.writeAttribute("Id", name);
                            xml.writeStartElement("t", "Mailbox", RawSoap.TYPES);
                            RawSoap.element(xml, "EmailAddress", mailbox);
                            xml.writeEndElement();
                            xml.writeEndElement();
                        }
                        xml.writeEndElement();
                        xml.writeEndElement();
                    })) {
                List<Outcome> outcomes = parse(RawSoap.reader(response.getEntity().getContent()), names);
                if (outcomes.size() != names.size()) {
                    throw new SoapFaultException("ErrorInternalServerError", null);
                }
                return outcomes;
            }
        });
    }

    private static List<Outcome> parse(XMLStreamReader xml, List<String> names) throws XMLStreamException, SoapFaultException {
        List<Outcome> outcomes = new ArrayList<>();
        boolean inMessage = false;
        boolean failed = false;
        String code = null;
        String id = null;
        String faultCode = null;
        Duration backOff = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && inMessage && xml.getLocalName().endsWith("ResponseMessage")) {
                String name = outcomes.size() < names.size() ? names.get(outcomes.size()) : null;
                outcomes.add(failed ? new Outcome(name, null, code == null ? "ErrorInternalServerError" : code)
                        : new Outcome(name, id, null));
                inMessage = false;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String element = xml.getLocalName();
            if (element.endsWith("ResponseMessage")) {
                inMessage = true;
                failed = "Error".equals(xml.getAttributeValue(null, "ResponseClass"));
                code = null;
                id = null;
            } else if (element.equals("ResponseCode")) {
                String text = xml.getElementText().strip();
                if (inMessage) {
                    code = text;
                } else {
                    faultCode = text;
                }
            } else if (element.equals("FolderId") && inMessage && id == null) {
                id = xml.getAttributeValue(null, "Id");
            } else if (element.equals("Value") && "BackOffMilliseconds".equals(xml.getAttributeValue(null, "Name"))) {
                backOff = Duration.ofMillis(Long.parseLong(xml.getElementText().strip()));
            }
        }
        if (faultCode != null && outcomes.isEmpty()) {
            throw new SoapFaultException(faultCode, backOff);
        }
        return outcomes;
    }
}
