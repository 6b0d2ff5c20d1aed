package io.exchangehub.component.msgraph.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ODataTextTest {

    @Test
    void filterLiteralsDoubleTheirQuotes() {
        assertThat(ODataText.literal("O'Brien")).isEqualTo("'O''Brien'");
        assertThat(ODataText.literal("x') or (isRead eq true")).isEqualTo("'x'') or (isRead eq true'");
    }

    @Test
    void searchTextBecomesQuotedPhrasesSoOperatorsAreWords() {
        assertThat(ODataText.search("board pack")).isEqualTo("\"\\\"board\\\" \\\"pack\\\"\"");
        assertThat(ODataText.search("a OR from:alice")).isEqualTo("\"\\\"a\\\" \\\"OR\\\" \\\"from:alice\\\"\"");
        assertThat(ODataText.search("say \"hi\\\"")).isEqualTo("\"\\\"say\\\" \\\"hi\\\"\"");
        assertThat(ODataText.search("  \" \\ ")).isNull();
        assertThat(ODataText.phrase("Erik O'Brien")).isEqualTo("\\\"Erik O'Brien\\\"");
        assertThat(ODataText.search("(a OR b) NOT c*")).isEqualTo("\"\\\"(a\\\" \\\"OR\\\" \\\"b)\\\" \\\"NOT\\\" \\\"c\\\"\"");
    }

    @Test
    void aStarNeverReachesKqlWhereItWouldBeAPrefixWildcard() {
        assertThat(ODataText.phrase("pro*")).isEqualTo("\\\"pro\\\"");
        assertThat(ODataText.phrase("a*b@contoso.example")).isEqualTo("\\\"a b@contoso.example\\\"");
        assertThat(ODataText.search("* ** *")).isNull();
        assertThat(ODataText.searchValue(ODataText.phrases("x y"))).isEqualTo(ODataText.search("x y"));
    }
}
