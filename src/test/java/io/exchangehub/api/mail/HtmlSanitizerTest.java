package io.exchangehub.api.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlSanitizerTest {

    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    @Test
    void scriptsHandlersAndDangerousUrlsAreRemoved() {
        String html = "<p onclick=\"steal()\">Hello <script>alert(1)</script><b>world</b></p>"
                + "<a href=\"javascript:alert(2)\">x</a><iframe src=\"https://evil.example\"></iframe>"
                + "<img src=\"x\" onerror=\"alert(3)\"><form action=\"https://evil.example\"><input name=q></form>"
                + "<svg onload=alert(4)></svg><base href=\"https://evil.example/\"><meta http-equiv=refresh content=0>"
                + "<div style=\"background:url(javascript:alert(5))\">styled</div>";
        String safe = sanitizer.apply(html);
        assertThat(safe).doesNotContainIgnoringCase("script").doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("javascript:").doesNotContainIgnoringCase("iframe")
                .doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("<form").doesNotContainIgnoringCase("<svg")
                .doesNotContainIgnoringCase("<base").doesNotContainIgnoringCase("<meta");
        assertThat(safe).contains("<b>world</b>").contains("styled");
    }

    @Test
    void mailFormattingLinksAndInlineImagesStay() {
        String html = "<table border=\"1\"><tr><td style=\"color:red\">cell</td></tr></table>"
                + "<a href=\"https://crm.example/deal/42\">deal</a><img src=\"cid:logo@acme\" alt=\"logo\">"
                + "<img src=\"https://cdn.example/banner.png\"><ul><li>one</li></ul>";
        String safe = sanitizer.apply(html);
        assertThat(safe).contains("<table").contains("<td style=\"color:red\">cell</td>").contains("https://crm.example/deal/42")
                .contains("noopener").contains("noreferrer").contains("src=\"cid:logo&#64;acme\"").contains("<li>one</li>")
                .contains("https://cdn.example/banner.png");
    }
}
