package io.exchangehub.component.ews.client;

import io.exchangehub.model.Flag;
import io.exchangehub.model.MailboxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import microsoft.exchange.webservices.data.credential.ExchangeCredentials;
import org.apache.http.client.methods.CloseableHttpResponse;

/**
 * Follow-up flags over the component's own SOAP path: {@code item:Flag} is Exchange 2013 schema,
 * and ews-java-api 2.0 can ask for nothing newer than Exchange 2010 SP2, where a flag is only
 * reachable as MAPI extended properties. Exchange 2019 answers requests at the 2013 level, so flags
 * are set with an UpdateItem of their own at that level (and read with {@link ItemDetails}).
 */
public final class FollowUpFlags {

    private FollowUpFlags() {}

    /**
     * Sets one flag on items, in one UpdateItem.
     *
     * @param changeKey with a single id: the version the caller read (a stale one is a conflict), else null
     * @return per id, in order: null on success, else its failure
     */
    public static List<MailboxException> set(EwsClient client, EwsAccess access, ExchangeCredentials credentials,
            List<String> ids, String changeKey, Flag flag) {
        return client.retrying(ids.size() == 1 ? ids.get(0) : null, () -> {
            try (CloseableHttpResponse response = RawSoap.post(client, access, credentials, RawSoap.EXCHANGE_2013, "UpdateItem",
                    (xml, raw) -> {
                        xml.writeStartElement("m", "UpdateItem", RawSoap.MESSAGES);
                        xml.writeAttribute("MessageDisposition", "SaveOnly");
                        xml.writeAttribute("ConflictResolution", changeKey != null ? "NeverOverwrite" : "AutoResolve");
                        xml.writeStartElement("m", "ItemChanges", RawSoap.MESSAGES);
                        for (String id : ids) {
                            xml.writeStartElement("t", "ItemChange", RawSoap.TYPES);
                            xml.writeEmptyElement("t", "ItemId", RawSoap.TYPES);
                            xml.writeAttribute("Id", id);
                            if (changeKey != null) {
                                xml.writeAttribute("ChangeKey", changeKey);
                            }
                            xml.writeStartElement("t", "Updates", RawSoap.TYPES);
                            xml.writeStartElement("t", "SetItemField", RawSoap.TYPES);
                            xml.writeEmptyElement("t", "FieldURI", RawSoap.TYPES);
                            xml.writeAttribute("FieldURI", "item:Flag");
                            xml.writeStartElement("t", "Message", RawSoap.TYPES);
                            write(xml, flag);
                            xml.writeEndElement();
                            xml.writeEndElement();
                            xml.writeEndElement();
                            xml.writeEndElement();
                        }
                        xml.writeEndElement();
                        xml.writeEndElement();
                    })) {
                List<String> outcomes = RawSoap.outcomes(RawSoap.reader(response.getEntity().getContent()));
                List<MailboxException> failures = new ArrayList<>();
                for (int i = 0; i < ids.size(); i++) {
                    String code = i < outcomes.size() ? outcomes.get(i) : "ErrorInternalServerError";
                    failures.add(code == null ? null : EwsErrors.of(code, ids.get(i), null, null));
                }
                return failures;
            }
        });
    }

    private static void write(XMLStreamWriter xml, Flag flag) throws XMLStreamException {
        xml.writeStartElement("t", "Flag", RawSoap.TYPES);
        RawSoap.element(xml, "FlagStatus", switch (flag.status()) {
            case NOT_FLAGGED -> "NotFlagged";
            case FLAGGED -> "Flagged";
            case COMPLETE -> "Complete";
        });
        if (flag.status() != Flag.Status.NOT_FLAGGED) {
            RawSoap.element(xml, "StartDate", flag.startAt() == null ? null : flag.startAt().toString());
            RawSoap.element(xml, "DueDate", flag.dueAt() == null ? null : flag.dueAt().toString());
        }
        if (flag.status() == Flag.Status.COMPLETE) {
            RawSoap.element(xml, "CompleteDate", (flag.completedAt() == null ? Instant.now() : flag.completedAt()).toString());
        }
        xml.writeEndElement();
    }
}
