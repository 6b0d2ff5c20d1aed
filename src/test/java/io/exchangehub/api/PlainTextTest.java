package io.exchangehub.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void whatAParserTakesForMarkupIsRefused() {
        for (String markup : new String[] {"<script>alert(1)</script>", "Hi <b>there</b>", "</div>", "<!-- x -->", "<?xml?>",
                "x<img src=x onerror=alert(1)>", "<svg/onload=alert(1)>", "open JavaScript:alert(1)"}) {
            assertThatThrownBy(() -> PlainText.check(markup, "/body/subject")).as(markup).isInstanceOf(ApiException.class)
                    .hasMessageContaining("plain text");
        }
    }

    @Test
    void textThatOnlyLooksLikeItStaysText() {
        for (String text : new String[] {"a < b", "<3", "<<< urgent >>>", "Q3 > Q2", "&lt;b&gt; is escaped", "", "< script"}) {
            assertThatCode(() -> PlainText.check(text, "/body/subject")).as(text).doesNotThrowAnyException();
        }
        assertThatCode(() -> PlainText.check(null, "/body/subject")).doesNotThrowAnyException();
    }
}
