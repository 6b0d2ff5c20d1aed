package io.exchangehub.api.mail;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Makes an HTML mail body safe to put into the CRM's page: OWASP's sanitizer keeps what mail
 * formatting needs (text formatting, blocks, tables, lists, links, images, inline styles through
 * its CSS filter) and drops everything that runs or reaches out by itself: scripts, event
 * handlers, {@code javascript:} URLs, frames, forms, objects, {@code <base>}, {@code <meta>},
 * external style sheets. Links open in a new window without a referrer; images may come from
 * {@code https:}, from the message itself ({@code cid:}) or inline {@code data:image}.
 */
public final class HtmlSanitizer implements MailJson.HtmlPolicy {

    private static final Pattern IMAGE_SOURCE = Pattern.compile("(?i)(https:|cid:|data:image/(png|gif|jpe?g|webp);base64,).*",
            Pattern.DOTALL);

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.STYLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a")
                    .allowAttributes("href", "title").onElements("a")
                    .allowUrlProtocols("https", "http", "mailto", "tel", "cid", "data")
                    .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
                    .allowAttributes("target").matching(Pattern.compile("_blank")).onElements("a")
                    .allowElements("img")
                    .allowAttributes("src").matching(IMAGE_SOURCE).onElements("img")
                    .allowAttributes("alt", "title", "width", "height").onElements("img")
                    .allowElements("hr", "br", "span", "div", "font", "center", "sup", "sub", "small", "big", "blockquote",
                            "pre", "code", "dl", "dt", "dd", "caption", "col", "colgroup")
                    .allowAttributes("color", "face", "size").onElements("font")
                    .allowAttributes("align", "valign", "bgcolor", "width", "height", "colspan", "rowspan", "cellpadding",
                            "cellspacing", "border")
                    .onElements("table", "tr", "td", "th", "thead", "tbody", "tfoot", "col", "colgroup", "div", "p", "img")
                    .allowAttributes("dir", "lang", "class").globally()
                    .toFactory());

    @Override
    public String apply(String html) {
        return html == null ? null : POLICY.sanitize(html);
    }
}
