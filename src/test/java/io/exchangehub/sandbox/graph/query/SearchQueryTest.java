package io.exchangehub.sandbox.graph.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exchangehub.sandbox.graph.GraphException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    record Mail(String subject, String from, String body) {}

    private static final Map<String, Function<Mail, List<String>>> PROPERTIES = new LinkedHashMap<>();

    static {
        PROPERTIES.put("subject", m -> List.of(m.subject()));
        PROPERTIES.put("from", m -> List.of(m.from()));
        PROPERTIES.put("body", m -> List.of(m.body()));
    }

    private static final Mail BOARD = new Mail("Board pack for Q3", "Jane CFO <cfo@fabrikam.example>", "The full board pack is attached.");
    private static final Mail LUNCH = new Mail("Lunch on Friday", "Bob <bob@contoso.example>", "Pizza or sushi for the board?");

    private static Predicate<Mail> search(String text) {
        return SearchQuery.parse(text).matcher(PROPERTIES, List.of("subject", "from", "body"));
    }

    @Test
    void everyWordMustMatchSomewhereIgnoringCase() {
        assertThat(search("\"BOARD pack\"")).accepts(BOARD).rejects(LUNCH);
        assertThat(search("board")).accepts(BOARD, LUNCH);
        assertThat(search("board sushi")).accepts(LUNCH).rejects(BOARD);
    }

    @Test
    void propertyRestrictionsLookOnlyInThatProperty() {
        assertThat(search("\"from:cfo@fabrikam.example\"")).accepts(BOARD).rejects(LUNCH);
        assertThat(search("subject:board")).accepts(BOARD).rejects(LUNCH);
        assertThat(search("body:pizza")).accepts(LUNCH).rejects(BOARD);
    }

    @Test
    void quotedPhrasesMatchAsAWhole() {
        assertThat(search("\"subject:\\\"pack for\\\"\"")).accepts(BOARD).rejects(LUNCH);
        assertThat(search("\"\\\"for the board\\\"\"")).accepts(LUNCH).rejects(BOARD);
        assertThat(search("\"\\\"board for\\\"\"")).rejects(BOARD, LUNCH);
    }

    @Test
    void orAndNotCombineTerms() {
        assertThat(search("subject:lunch OR subject:q3")).accepts(BOARD, LUNCH);
        assertThat(search("board NOT pizza")).accepts(BOARD).rejects(LUNCH);
        assertThat(search("board -subject:lunch")).accepts(BOARD).rejects(LUNCH);
        assertThat(search("board AND attached")).accepts(BOARD).rejects(LUNCH);
    }

    @Test
    void dateRestrictionsCompareDaysAndRangesIncludeTheirEnds() {
        Map<String, Function<Mail, List<String>>> dated = new LinkedHashMap<>(PROPERTIES);
        dated.put("received", m -> List.of(m == BOARD ? "2024-03-01" : "2024-03-15"));
        Function<String, Predicate<Mail>> search = text -> SearchQuery.parse(text).matcher(dated, List.of("subject", "from", "body"));
        assertThat(search.apply("received>=2024-03-01")).accepts(BOARD, LUNCH);
        assertThat(search.apply("received>2024-03-01")).accepts(LUNCH).rejects(BOARD);
        assertThat(search.apply("received<=2024-03-01")).accepts(BOARD).rejects(LUNCH);
        assertThat(search.apply("received<2024-03-15")).accepts(BOARD).rejects(LUNCH);
        assertThat(search.apply("received=2024-03-15")).accepts(LUNCH).rejects(BOARD);
        assertThat(search.apply("received:03/01/2024")).as("Graph's own example form").accepts(BOARD).rejects(LUNCH);
        assertThat(search.apply("received:2024-03-02..2024-03-15")).accepts(LUNCH).rejects(BOARD);
        assertThat(search.apply("received:3/1/2024..3/14/2024")).accepts(BOARD).rejects(LUNCH);
        assertThat(search.apply("\"\\\"board\\\" received>=2024-03-01 received<=2024-03-10\"")).accepts(BOARD).rejects(LUNCH);
    }

    @Test
    void aQuotedComparisonIsAPhraseToFind() {
        Mail odd = new Mail("a received>=b note", "x", "y");
        assertThat(search("\"\\\"received>=b\\\"\"")).accepts(odd).rejects(BOARD, LUNCH);
    }

    @Test
    void anUnknownPropertyIsSearchedAsFreeText() {
        assertThat(search("colour:red")).rejects(BOARD, LUNCH);
    }

    @Test
    void emptyQueriesAndOpenPhrasesAreRefused() {
        assertThatThrownBy(() -> SearchQuery.parse("\"\"")).isInstanceOf(GraphException.class);
        assertThatThrownBy(() -> SearchQuery.parse("subject:\"open")).isInstanceOf(GraphException.class);
        assertThatThrownBy(() -> SearchQuery.parse("OR board")).isInstanceOf(GraphException.class);
    }
}
