package io.exchangehub.sandbox.graph.query;

import io.exchangehub.sandbox.graph.GraphException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code $search} in the KQL subset Outlook's Graph users write: words and quoted phrases
 * (each must match), {@code property:value} restrictions ({@code from:}, {@code subject:},
 * {@code to:}, …), {@code OR} between terms and {@code NOT}/{@code -} before one. Terms match
 * case-insensitively anywhere in the text, as a content index would find word prefixes.
 * The whole value is usually in double quotes ({@code $search="from:alice"}), as Graph asks.
 */
public final class SearchQuery {

    /**
     * One term.
     *
     * @param property the restricted property, lower-case, or null for free text
     * @param text     what to find, lower-case
     * @param negated  whether it must not match
     */
    public record Term(String property, String text, boolean negated) {}

    /** Alternatives (OR) of conjunctions (AND) of terms. */
    private final List<List<Term>> alternatives;

    private SearchQuery(List<List<Term>> alternatives) {
        this.alternatives = alternatives;
    }

    /** Alternatives (OR) of conjunctions (AND) of terms. */
    public List<List<Term>> alternatives() {
        return alternatives;
    }

    /** Reads a {@code $search} value, with or without its surrounding quotes. */
    public static SearchQuery parse(String value) {
        String text = value == null ? "" : value.strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1).replace("\\\"", "\"");
        }
        List<List<Term>> alternatives = new ArrayList<>();
        List<Term> current = new ArrayList<>();
        boolean pendingNot = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negated = pendingNot;
            pendingNot = false;
            if (c == '-' && i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1))) {
                negated = true;
                i++;
            }
            String property = null;
            int colon = wordEnd(text, i);
            String word = text.substring(i, colon);
            if (colon < text.length() && text.charAt(colon) == ':' && !word.isEmpty() && word.chars().allMatch(Character::isLetter)) {
                property = word.toLowerCase(Locale.ROOT);
                i = colon + 1;
            }
            boolean quoted = i < text.length() && text.charAt(i) == '"';
            String termText;
            if (quoted) {
                int close = text.indexOf('"', i + 1);
                if (close < 0) {
                    throw GraphException.badRequest("BadRequest", "Syntax error: the phrase at position " + i + " has no closing quote.");
                }
                termText = text.substring(i + 1, close);
                i = close + 1;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                termText = text.substring(i, end);
                i = end;
            }
            boolean operator = property == null && !quoted && !negated;
            if (operator && termText.equals("OR")) {
                if (current.isEmpty()) {
                    throw GraphException.badRequest("BadRequest", "Syntax error: OR needs a term on each side.");
                }
                alternatives.add(current);
                current = new ArrayList<>();
            } else if (operator && termText.equals("NOT")) {
                pendingNot = true;
            } else if (!(operator && termText.equals("AND")) && !termText.isEmpty()) {
                current.add(new Term(property, termText.toLowerCase(Locale.ROOT), negated));
            }
        }
        if (!current.isEmpty()) {
            alternatives.add(current);
        }
        if (alternatives.isEmpty()) {
            throw GraphException.badRequest("BadRequest", "The $search query is empty.");
        }
        return new SearchQuery(alternatives);
    }

    private static int wordEnd(String text, int from) {
        int end = from;
        while (end < text.length() && text.charAt(end) != ':' && text.charAt(end) != '"' && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /**
     * The query as a predicate over an entity type.
     *
     * @param properties the texts of each restrictable property
     * @param freeText   the properties free text is looked for in, cheapest first
     */
    public <T> Predicate<T> matcher(Map<String, Function<T, List<String>>> properties, List<String> freeText) {
        return object -> {
            for (List<Term> conjunction : alternatives) {
                boolean all = true;
                for (Term term : conjunction) {
                    if (matches(object, term, properties, freeText) == term.negated()) {
                        all = false;
                        break;
                    }
                }
                if (all) {
                    return true;
                }
            }
            return false;
        };
    }

    private static <T> boolean matches(T object, Term term, Map<String, Function<T, List<String>>> properties,
            List<String> freeText) {
        List<String> where = term.property() != null && properties.containsKey(term.property()) ? List.of(term.property()) : freeText;
        String needle = term.property() != null && !properties.containsKey(term.property())
                ? term.property() + ":" + term.text() : term.text();
        for (String property : where) {
            for (String value : properties.get(property).apply(object)) {
                if (value != null && value.toLowerCase(Locale.ROOT).contains(needle)) {
                    return true;
                }
            }
        }
        return false;
    }
}
