package io.exchangehub.component.ews.operations;

import java.util.ArrayList;
import java.util.List;

/**
 * A user's free-text search as Advanced Query Syntax that means only what was typed: every word,
 * and every "quoted phrase", becomes a quoted phrase, so that AQS keywords (AND, OR, NOT),
 * property prefixes ({@code from:}), parentheses and wildcards the user typed are searched for as
 * text rather than obeyed. Quotes and backslashes cannot be escaped inside an AQS phrase, and a
 * {@code *} stays Exchange's prefix wildcard even inside one, so they are dropped from the text
 * (they separate words, as the content index does anyway).
 */
final class AqsQuery {

    private AqsQuery() {}

    /** The query for the text, or null when it holds nothing to search for. */
    static String of(String text) {
        List<String> terms = phrases(text);
        return terms.isEmpty() ? null : String.join(" ", terms);
    }

    /** The text's words and phrases, each a quoted AQS phrase; empty when it holds nothing to search for. */
    static List<String> phrases(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null) {
            return terms;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                flush(terms, current);
                quoted = !quoted;
            } else if (!quoted && Character.isWhitespace(c)) {
                flush(terms, current);
            } else {
                append(current, c);
            }
        }
        flush(terms, current);
        return terms;
    }

    /**
     * A property restriction whose value is one phrase ({@code from:"…"}), made safe as above; null
     * when the value holds nothing to search for.
     */
    static String restriction(String property, String value) {
        StringBuilder text = new StringBuilder();
        for (char c : value.toCharArray()) {
            append(text, c == '"' ? ' ' : c);
        }
        List<String> phrase = new ArrayList<>();
        flush(phrase, text);
        return phrase.isEmpty() ? null : property + ":" + phrase.get(0);
    }

    /** A character of a phrase: backslashes and stars become spaces, control characters are dropped. */
    private static void append(StringBuilder phrase, char c) {
        if (!Character.isISOControl(c)) {
            phrase.append(c == '\\' || c == '*' ? ' ' : c);
        }
    }

    private static void flush(List<String> terms, StringBuilder current) {
        String term = current.toString().strip().replaceAll("\\s+", " ");
        if (!term.isEmpty()) {
            terms.add("\"" + term + "\"");
        }
        current.setLength(0);
    }
}
