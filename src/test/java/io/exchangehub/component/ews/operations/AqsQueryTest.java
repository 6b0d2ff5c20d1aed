package io.exchangehub.component.ews.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AqsQueryTest {

    @Test
    void wordsAndPhrasesBecomeQuotedPhrases() {
        assertThat(AqsQuery.of("board pack")).isEqualTo("\"board\" \"pack\"");
        assertThat(AqsQuery.of("\"board pack\" q3")).isEqualTo("\"board pack\" \"q3\"");
    }

    @Test
    void querySyntaxTypedByAUserIsSearchedAsText() {
        assertThat(AqsQuery.of("a OR from:eve (NOT x*")).isEqualTo("\"a\" \"OR\" \"from:eve\" \"(NOT\" \"x\"");
        assertThat(AqsQuery.of("star* *")).as("a star stays a wildcard even inside a phrase").isEqualTo("\"star\"");
        assertThat(AqsQuery.of("unbalanced \"quote")).isEqualTo("\"unbalanced\" \"quote\"");
        assertThat(AqsQuery.of("back\\slash \u0000control")).isEqualTo("\"back slash\" \"control\"");
    }

    @Test
    void aRestrictionsValueIsOnePhraseOfText() {
        assertThat(AqsQuery.restriction("participants", "o'brien@contoso.example")).isEqualTo("participants:\"o'brien@contoso.example\"");
        assertThat(AqsQuery.restriction("from", "a\" OR \"b* c\\d")).isEqualTo("from:\"a OR b c d\"");
        assertThat(AqsQuery.restriction("from", " \"* ")).isNull();
    }

    @Test
    void nothingToSearchForIsNoQuery() {
        assertThat(AqsQuery.of(null)).isNull();
        assertThat(AqsQuery.of("  \"\"  ")).isNull();
    }
}
