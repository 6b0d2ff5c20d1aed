package io.exchangehub.sandbox.graph.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exchangehub.sandbox.graph.GraphException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class FilterParserTest {

    record Mail(String subject, boolean read, Instant received, String importance, String from, List<String> categories,
            List<Address> to) {}

    record Address(String address, String name) {}

    private static final EntityFields<Mail> FIELDS = new EntityFields<Mail>("microsoft.graph.message",
            Set.of("subject", "isRead", "receivedDateTime", "importance", "from", "categories", "toRecipients", "body"))
            .string("subject", Mail::subject)
            .bool("isRead", Mail::read)
            .dateTime("receivedDateTime", Mail::received)
            .enumeration("importance", Set.of("low", "normal", "high"), Mail::importance)
            .string("from/emailAddress/address", Mail::from)
            .collection("categories", Mail::categories, new EntityFields<String>("Edm.String", Set.of()).string("", s -> s))
            .collection("toRecipients", Mail::to, new EntityFields<Address>("microsoft.graph.recipient", Set.of("emailAddress"))
                    .string("emailAddress/address", Address::address).string("emailAddress/name", Address::name));

    private static final Mail BOARD = new Mail("Board pack for Q3", false, Instant.parse("2026-03-02T09:00:00Z"), "high",
            "cfo@fabrikam.example", List.of("Red", "Finance"), List.of(new Address("alice@contoso.example", "Alice Wong")));
    private static final Mail NEWS = new Mail("Contoso Insider", true, Instant.parse("2026-02-20T08:00:00Z"), "normal",
            "newsletter@contoso.example", List.of(), List.of(new Address("carol@contoso.example", "Carol Dupont")));

    private static Predicate<Mail> filter(String text) {
        return FilterParser.parse(text, FIELDS).predicate();
    }

    @Test
    void comparisonsCombineWithAndOrNotAndParentheses() {
        assertThat(filter("isRead eq false and importance eq 'high'")).accepts(BOARD).rejects(NEWS);
        assertThat(filter("isRead eq true or importance eq 'high'")).accepts(BOARD, NEWS);
        assertThat(filter("not (isRead eq true) and (importance eq 'high' or importance eq 'low')")).accepts(BOARD).rejects(NEWS);
        assertThat(filter("not isRead")).accepts(BOARD).rejects(NEWS);
        assertThat(filter("isRead")).accepts(NEWS).rejects(BOARD);
    }

    @Test
    void stringComparisonsIgnoreCaseAndEscapeQuotes() {
        assertThat(filter("from/emailAddress/address eq 'CFO@Fabrikam.example'")).accepts(BOARD).rejects(NEWS);
        assertThat(filter("subject eq 'it''s'")).rejects(BOARD, NEWS);
        assertThat(filter("subject ne 'Contoso Insider'")).accepts(BOARD).rejects(NEWS);
    }

    @Test
    void dateTimesCompareAsInstantsWithOrWithoutQuotes() {
        assertThat(filter("receivedDateTime ge 2026-03-01T00:00:00Z")).accepts(BOARD).rejects(NEWS);
        assertThat(filter("receivedDateTime lt '2026-03-01T00:00:00Z'")).accepts(NEWS).rejects(BOARD);
        assertThat(filter("receivedDateTime gt 2026-03-02T10:00:00+02:00")).accepts(BOARD);
        assertThat(filter("receivedDateTime le 2026-02-20")).rejects(NEWS);
    }

    @Test
    void functionsMatchStartsEndsAndContainsIgnoringCase() {
        assertThat(filter("startswith(subject,'board')")).accepts(BOARD).rejects(NEWS);
        assertThat(filter("endswith(subject, 'INSIDER')")).accepts(NEWS).rejects(BOARD);
        assertThat(filter("contains(subject,'pack')")).accepts(BOARD).rejects(NEWS);
    }

    @Test
    void anyAndAllRangeOverCollections() {
        assertThat(filter("categories/any(c:c eq 'red')")).accepts(BOARD).rejects(NEWS);
        assertThat(filter("toRecipients/any(r: r/emailAddress/address eq 'carol@contoso.example')")).accepts(NEWS).rejects(BOARD);
        assertThat(filter("categories/all(c: c ne 'Finance')")).accepts(NEWS).rejects(BOARD);
    }

    @Test
    void typedEnumLiteralsAndNullAreUnderstood() {
        assertThat(filter("importance eq microsoft.graph.importance'high'")).accepts(BOARD).rejects(NEWS);
        assertThat(filter("subject ne null")).accepts(BOARD, NEWS);
    }

    @Test
    void thePropertiesAreReportedInTheOrderTheyAppear() {
        assertThat(FilterParser.parse("receivedDateTime ge 2026-01-01 and isRead eq false and receivedDateTime lt 2026-06-01",
                FIELDS).properties()).containsExactly("receivedDateTime", "isRead");
    }

    @Test
    void anUnknownPropertyIsAParseUriError() {
        assertThatThrownBy(() -> filter("colour eq 'red'")).isInstanceOfSatisfying(GraphException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("RequestBroker--ParseUri");
            assertThat(e.getMessage()).contains("'colour'").contains("microsoft.graph.message");
        });
    }

    @Test
    void aKnownPropertyThatCannotBeFilteredOnIsErrorInvalidProperty() {
        assertThatThrownBy(() -> filter("body eq 'x'")).isInstanceOfSatisfying(GraphException.class,
                e -> assertThat(e.code()).isEqualTo("ErrorInvalidProperty"));
    }

    @Test
    void syntaxErrorsAreBadRequests() {
        for (String text : new String[] {"isRead eq", "(isRead eq true", "isRead eq true)", "subject eq 'open", "isRead eq true and",
                "subject eq \"double\"", ""}) {
            assertThatThrownBy(() -> filter(text)).as(text).isInstanceOfSatisfying(GraphException.class, e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.code()).isEqualTo("BadRequest");
            });
        }
    }

    @Test
    void literalsOfTheWrongTypeAndUnknownFunctionsAreRefused() {
        assertThatThrownBy(() -> filter("isRead eq 'yes'")).isInstanceOfSatisfying(GraphException.class,
                e -> assertThat(e.getMessage()).contains("Edm.Boolean").contains("Edm.String"));
        assertThatThrownBy(() -> filter("isRead gt true")).isInstanceOf(GraphException.class);
        assertThatThrownBy(() -> filter("importance eq 'urgent'")).isInstanceOfSatisfying(GraphException.class,
                e -> assertThat(e.getMessage()).contains("urgent"));
        assertThatThrownBy(() -> filter("substringof('x', subject)")).isInstanceOfSatisfying(GraphException.class,
                e -> assertThat(e.getMessage()).contains("substringof"));
        assertThatThrownBy(() -> filter("receivedDateTime ge 'yesterday'")).isInstanceOf(GraphException.class);
    }
}
