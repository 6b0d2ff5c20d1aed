package io.exchangehub.component.ews.operations;

import java.util.ArrayList;
import java.util.List;

/**
 * A user's free-text search as Advanced Query Syntax that means only what was typed: every word,
 * and every "quoted phrase", becomes a quoted phrase, so that AQS keywords (AND, OR, NOT),
 * property prefixes ({@code from:}), parentheses and wildcards the user typed are searched for as
 * text rather than obeyed. Quotes cannot be escaped inside an AQS phrase, so they are dropped
 * from the text (they separate words, as the content index does anyway).
 */
final class AqsQuery {

    private AqsQuery() {}

    /** The query for the text, or null when it holds nothing to search for. */
    static String of(String text) {
        if (text == null) {
            return null;
        }
        List<String> terms = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                flush(terms, current);
                quoted = !quoted;
            } else if (!quoted && Character.isWhitespace(c)) {
                flush(terms, current);
            } else if (!Character.isISOControl(c)) {
                current.append(c == '\\' ? ' ' : c);
            }
        }
        flush(terms, current);
        return terms.isEmpty() ? null : String.join(" ", terms);
    }

    private static void flush(List<String> terms, StringBuilder current) {
        String term = current.toString().strip().replaceAll("\\s+", " ");
        if (!term.isEmpty()) {
            terms.add("\"" + term + "\"");
        }
        current.setLength(0);
    }
}
