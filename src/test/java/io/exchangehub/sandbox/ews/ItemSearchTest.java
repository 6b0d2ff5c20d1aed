package io.exchangehub.sandbox.ews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exchangehub.sandbox.store.Body;
import io.exchangehub.sandbox.store.Importance;
import io.exchangehub.sandbox.store.Item;
import io.exchangehub.sandbox.store.Mailbox;
import io.exchangehub.sandbox.store.MailboxType;
import io.exchangehub.sandbox.store.Message;
import io.exchangehub.sandbox.store.Recipient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Restrictions and AQS query strings as FindItem applies them. */
class ItemSearchTest {

    private static final Mailbox MAILBOX = new Mailbox(0, "alice@contoso.example", "Alice Wong", MailboxType.USER, "ews",
            Set.of(), ZoneId.of("Europe/Berlin"));

    private final Message pricing = message(1, "Pricing update for Q3", "Dana Scully", "dana@fabrikam.example",
            "The new price list is attached.", "2024-03-10T09:00:00Z", Importance.HIGH, false);
    private final Message invoice = message(2, "RE: Invoice 2024-117", "Fox Mulder", "fox@fabrikam.example",
            "Please pay the invoice by Friday.", "2024-03-20T09:00:00Z", Importance.NORMAL, true);
    private final Message lunch = message(3, "Lunch", "Walter Skinner", "walter@contoso.example",
            "Lunch at the Italian place? Pricing is fine.", "2024-04-02T12:00:00Z", Importance.LOW, true);
    private final List<Message> all = List.of(pricing, invoice, lunch);

    private static Message message(long number, String subject, String name, String address, String body, String received,
            Importance importance, boolean read) {
        Message message = new Message(MAILBOX, number, Instant.parse(received));
        message.subject = subject;
        message.from = new Recipient(name, address);
        message.to = List.of(MAILBOX.recipient());
        message.received = Instant.parse(received);
        message.importance = importance;
        message.read = read;
        message.body(Body.text(body));
        return message;
    }

    private List<String> aqs(String query) {
        Predicate<Item> predicate = Aqs.compile(query);
        return all.stream().filter(predicate).map(m -> m.subject).toList();
    }

    private List<String> restriction(String expression) throws Exception {
        XmlIn restriction;
        try (RequestReader reader = new RequestReader()) {
            restriction = reader.read(new ByteArrayInputStream(("<m:Restriction xmlns:m=\"" + Soap.MESSAGES + "\" xmlns:t=\""
                    + Soap.TYPES + "\">" + expression + "</m:Restriction>").getBytes(StandardCharsets.UTF_8)));
        }
        Predicate<Item> predicate = Restrictions.compile(restriction, ItemSearch.FIELDS_OF_ITEMS);
        return all.stream().filter(predicate).map(m -> m.subject).toList();
    }

    @Test
    void freeWordsMatchTheStartOfWordsAnywhereAndPhrasesMatchAsWritten() {
        assertThat(aqs("pricing")).containsExactly("Pricing update for Q3", "Lunch");
        assertThat(aqs("pric")).containsExactly("Pricing update for Q3", "Lunch");
        assertThat(aqs("ricing")).isEmpty();
        assertThat(aqs("\"price list\"")).containsExactly("Pricing update for Q3");
        assertThat(aqs("fabrikam")).containsExactly("Pricing update for Q3", "RE: Invoice 2024-117");
    }

    @Test
    void propertyRestrictionsAndOperatorsCombineAsAqsDoes() {
        assertThat(aqs("from:mulder")).containsExactly("RE: Invoice 2024-117");
        assertThat(aqs("subject:pricing")).containsExactly("Pricing update for Q3");
        assertThat(aqs("from:fabrikam pricing")).containsExactly("Pricing update for Q3");
        assertThat(aqs("from:skinner OR subject:invoice")).containsExactly("RE: Invoice 2024-117", "Lunch");
        assertThat(aqs("pricing AND NOT subject:lunch")).containsExactly("Pricing update for Q3");
        assertThat(aqs("(lunch OR invoice) AND body:pay")).containsExactly("RE: Invoice 2024-117");
        assertThatThrownBy(() -> aqs("(lunch")).isInstanceOfSatisfying(EwsError.class,
                e -> assertThat(e.code()).isEqualTo("ErrorInvalidArgument"));
        assertThatThrownBy(() -> aqs("\"open phrase")).isInstanceOf(EwsError.class);
    }

    @Test
    void restrictionsCompareConstantsAsThePropertysType() throws Exception {
        assertThat(restriction("<t:IsEqualTo><t:FieldURI FieldURI=\"message:IsRead\"/><t:FieldURIOrConstant>"
                + "<t:Constant Value=\"false\"/></t:FieldURIOrConstant></t:IsEqualTo>")).containsExactly("Pricing update for Q3");
        assertThat(restriction("<t:IsGreaterThanOrEqualTo><t:FieldURI FieldURI=\"item:DateTimeReceived\"/>"
                + "<t:FieldURIOrConstant><t:Constant Value=\"2024-03-20T09:00:00Z\"/></t:FieldURIOrConstant>"
                + "</t:IsGreaterThanOrEqualTo>")).containsExactly("RE: Invoice 2024-117", "Lunch");
        assertThat(restriction("<t:IsGreaterThan><t:FieldURI FieldURI=\"item:Importance\"/><t:FieldURIOrConstant>"
                + "<t:Constant Value=\"Low\"/></t:FieldURIOrConstant></t:IsGreaterThan>"))
                .containsExactly("Pricing update for Q3", "RE: Invoice 2024-117");
        assertThat(restriction("<t:IsEqualTo><t:FieldURI FieldURI=\"message:From\"/><t:FieldURIOrConstant>"
                + "<t:Constant Value=\"Fox Mulder\"/></t:FieldURIOrConstant></t:IsEqualTo>")).containsExactly("RE: Invoice 2024-117");
    }

    @Test
    void containmentModesAndLogicalOperatorsWork() throws Exception {
        assertThat(restriction("<t:Contains ContainmentMode=\"Prefixed\" ContainmentComparison=\"IgnoreCase\">"
                + "<t:FieldURI FieldURI=\"item:Subject\"/><t:Constant Value=\"re:\"/></t:Contains>"))
                .containsExactly("RE: Invoice 2024-117");
        assertThat(restriction("<t:Contains ContainmentMode=\"Substring\" ContainmentComparison=\"Exact\">"
                + "<t:FieldURI FieldURI=\"item:Subject\"/><t:Constant Value=\"pricing\"/></t:Contains>")).isEmpty();
        assertThat(restriction("<t:Contains ContainmentMode=\"FullString\" ContainmentComparison=\"IgnoreCase\">"
                + "<t:FieldURI FieldURI=\"item:Subject\"/><t:Constant Value=\"LUNCH\"/></t:Contains>")).containsExactly("Lunch");
        assertThat(restriction("<t:Or><t:IsEqualTo><t:FieldURI FieldURI=\"item:Importance\"/><t:FieldURIOrConstant>"
                + "<t:Constant Value=\"High\"/></t:FieldURIOrConstant></t:IsEqualTo><t:Not><t:Exists>"
                + "<t:FieldURI FieldURI=\"item:Subject\"/></t:Exists></t:Not></t:Or>")).containsExactly("Pricing update for Q3");
        assertThatThrownBy(() -> restriction("<t:Exists><t:FieldURI FieldURI=\"item:WebClientReadFormQueryString\"/>"
                + "</t:Exists>")).isInstanceOfSatisfying(EwsError.class,
                        e -> assertThat(e.code()).isEqualTo("ErrorUnsupportedPathForQuery"));
    }
}
