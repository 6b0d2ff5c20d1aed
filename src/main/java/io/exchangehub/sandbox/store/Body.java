package io.exchangehub.sandbox.store;

import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * A message, meeting or contact body.
 *
 * @param type    HTML or plain text
 * @param content the body text
 */
public record Body(BodyType type, String content) {

    private static final Pattern TAGS = Pattern.compile("(?s)<(script|style)[^>]*>.*?</\\1>|<[^>]+>");
    private static final Pattern BREAKS = Pattern.compile("(?i)<br\\s*/?>|</p>|</div>|</tr>|</h\\d>|</li>");
    private static final Pattern BLANKS = Pattern.compile("[ \\t\\x0B\\f\\r]+");
    private static final Pattern EMPTY_LINES = Pattern.compile("\\n{3,}");

    public enum BodyType { HTML, TEXT }

    public static Body text(String content) {
        return new Body(BodyType.TEXT, content);
    }

    public static Body html(String content) {
        return new Body(BodyType.HTML, content);
    }

    public static Body empty() {
        return new Body(BodyType.TEXT, "");
    }

    /** The body as plain text (HTML converted the way Exchange's text view does: tags out, entities decoded). */
    public String asText() {
        if (type == BodyType.TEXT) {
            return content;
        }
        String withBreaks = BREAKS.matcher(content).replaceAll("\n");
        String stripped = HtmlUtils.htmlUnescape(TAGS.matcher(withBreaks).replaceAll(""));
        String collapsed = BLANKS.matcher(stripped).replaceAll(" ");
        return EMPTY_LINES.matcher(collapsed.replaceAll(" *\\n *", "\n")).replaceAll("\n\n").strip();
    }

    /** The body as HTML (text wrapped and escaped the way Exchange's HTML view does). */
    public String asHtml() {
        if (type == BodyType.HTML) {
            return content;
        }
        return "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body>"
                + "<div>" + HtmlUtils.htmlEscape(content).replace("\n", "<br>\n") + "</div></body></html>";
    }

    /** In the requested type. */
    public Body as(BodyType wanted) {
        if (wanted == null || wanted == type) {
            return this;
        }
        return wanted == BodyType.TEXT ? text(asText()) : html(asHtml());
    }

    /** The first 255 characters of the text, whitespace collapsed: Exchange's Preview and Graph's bodyPreview. */
    public String preview() {
        String text = asText().replaceAll("\\s+", " ").strip();
        return text.length() <= 255 ? text : text.substring(0, 255);
    }
}
