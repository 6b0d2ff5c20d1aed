package io.exchangehub.component.msgraph.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * User input as OData literals, so that it is always data and never syntax. A {@code $filter}
 * string literal doubles its single quotes. A {@code $search} value is made of quoted KQL
 * phrases, one per word (each must match): inside quotes, {@code OR}, {@code NOT},
 * {@code from:} and the like are words to find, not operators. Double quotes and backslashes
 * cannot be escaped inside a KQL phrase, and a {@code *} in one is still KQL's prefix wildcard;
 * a word index holds none of them, so they become spaces. URL encoding is the SDK's.
 */
public final class ODataText {

    private ODataText() {}

    /** A {@code $filter} string literal, quotes included: {@code O'Brien} → {@code 'O''Brien'}. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A {@code $search} value for free text; null when the text has no word to find. */
    public static String search(String text) {
        List<String> phrases = phrases(text);
        return phrases.isEmpty() ? null : searchValue(phrases);
    }

    /** Each word of free text as a KQL phrase of its own; empty when the text has no word to find. */
    public static List<String> phrases(String text) {
        List<String> phrases = new ArrayList<>();
        for (String word : text.split("\\s+")) {
            String phrase = phrase(word);
            if (phrase != null) {
                phrases.add(phrase);
            }
        }
        return phrases;
    }

    /**
     * One KQL phrase inside a {@code $search} value ({@code \"words\"}), for a term of its own or
     * after a property ({@code from:}); null when nothing is left to find.
     */
    public static String phrase(String text) {
        String clean = text.replace('"', ' ').replace('\\', ' ').replace('*', ' ').strip();
        return clean.isEmpty() ? null : "\\\"" + clean + "\\\"";
    }

    /** A KQL property restriction with the value as one phrase ({@code from:\"…\"}); null without a value to find. */
    public static String restriction(String property, String value) {
        String phrase = value == null ? null : phrase(value);
        return phrase == null ? null : property + ":" + phrase;
    }

    /** The {@code $search} value of KQL terms that must all match, in the double quotes Graph asks for. */
    public static String searchValue(List<String> terms) {
        return "\"" + String.join(" ", terms) + "\"";
    }
}
