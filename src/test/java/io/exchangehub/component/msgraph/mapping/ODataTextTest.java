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
    }
}
