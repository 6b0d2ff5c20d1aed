package io.exchangehub.sandbox.graph.query;

import io.exchangehub.sandbox.graph.GraphException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code $search} in the KQL subset Outlook's Graph users write: words and quoted phrases
 * (each must match), {@code property:value} restrictions ({@code from:}, {@code subject:},
 * {@code to:}, …), comparisons and ranges of a property ({@code received>=2024-03-01},
 * {@code received:2024-03-01..2024-03-31}, inclusive), {@code OR} between terms and
 * {@code NOT}/{@code -} before one. Terms match case-insensitively anywhere in the text, as a
 * content index would find word prefixes; comparisons compare a property's texts in order,
 * which for the date properties (ISO dates) is date order. Dates may also be written
 * {@code MM/DD/YYYY}, as Graph's examples do. The whole value is usually in double quotes
 * ({@code $search="from:alice"}), as Graph asks.
 */
public final class SearchQuery {

    private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    /** How a term's text is compared with a property's texts. */
    public enum Comparison {
        CONTAINS(":"), EQUAL("="), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">="), RANGE(":");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }
    }

    /**
     * One term.
     *
     * @param property   the restricted property, lower-case, or null for free text
     * @param comparison how the text is compared ({@code CONTAINS} for free text)
     * @param text       what to find or compare with, lower-case; a range's lower end
     * @param upper      a range's upper end, else null
     * @param negated    whether it must not match
     */
    public record Term(String property, Comparison comparison, String text, String upper, boolean negated) {

        /** The term as written, for a property the entity does not have (then it is free text). */
        String literal() {
            return property + comparison.symbol + text + (upper == null ? "" : ".." + upper);
        }

        boolean accepts(String value) {
            String v = value.toLowerCase(Locale.ROOT);
            return switch (comparison) {
                case CONTAINS -> v.contains(text);
                case EQUAL -> v.equals(text);
                case LESS -> v.compareTo(text) < 0;
                case LESS_OR_EQUAL -> v.compareTo(text) <= 0;
                case GREATER -> v.compareTo(text) > 0;
                case GREATER_OR_EQUAL -> v.compareTo(text) >= 0;
                case RANGE -> v.compareTo(text) >= 0 && v.compareTo(upper) <= 0;
            };
        }
    }

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
            Comparison comparison = Comparison.CONTAINS;
            int end = wordEnd(text, i);
            String word = text.substring(i, end);
            if (end < text.length() && !word.isEmpty() && word.chars().allMatch(Character::isLetter)) {
                int operator = operatorLength(text, end);
                if (operator > 0) {
                    property = word.toLowerCase(Locale.ROOT);
                    comparison = comparison(text.substring(end, end + operator));
                    i = end + operator;
                }
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
                int stop = i;
                while (stop < text.length() && !Character.isWhitespace(text.charAt(stop))) {
                    stop++;
                }
                termText = text.substring(i, stop);
                i = stop;
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
                current.add(term(property, comparison, termText, quoted, negated));
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

    private static Term term(String property, Comparison comparison, String text, boolean quoted, boolean negated) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (property == null) {
            return new Term(null, Comparison.CONTAINS, lower, null, negated);
        }
        int range = quoted ? -1 : lower.indexOf("..");
        if (comparison == Comparison.CONTAINS && range > 0 && range + 2 < lower.length()) {
            return new Term(property, Comparison.RANGE, isoDate(lower.substring(0, range)), isoDate(lower.substring(range + 2)), negated);
        }
        return new Term(property, comparison, isoDate(lower), null, negated);
    }

    /** A date as {@code MM/DD/YYYY} in ISO form, so that it compares with the ISO dates of date properties; other text as it is. */
    private static String isoDate(String text) {
        Matcher us = US_DATE.matcher(text);
        if (!us.matches()) {
            return text;
        }
        return String.format(Locale.ROOT, "%s-%02d-%02d", us.group(3), Integer.parseInt(us.group(1)), Integer.parseInt(us.group(2)));
    }

    private static int wordEnd(String text, int from) {
        int end = from;
        while (end < text.length() && ":\"<>=".indexOf(text.charAt(end)) < 0 && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** The length of the restriction operator at {@code at} ({@code :}, {@code =}, {@code <}, {@code <=}, {@code >}, {@code >=}), 0 for none. */
    private static int operatorLength(String text, int at) {
        char c = text.charAt(at);
        if (c == ':' || c == '=') {
            return 1;
        }
        if (c == '<' || c == '>') {
            return at + 1 < text.length() && text.charAt(at + 1) == '=' ? 2 : 1;
        }
        return 0;
    }

    /** The comparison an operator stands for; {@code :} is CONTAINS (a range is told by its value). */
    private static Comparison comparison(String operator) {
        for (Comparison comparison : Comparison.values()) {
            if (comparison.symbol.equals(operator)) {
                return comparison;
            }
        }
        throw new IllegalArgumentException(operator);
    }

    /**
     * The query as a predicate over an entity type.
     *
     * @param properties the texts of each restrictable property
     * @param freeText   the properties free text is looked for in, cheapest first
     */
    public <T> Predicate<T> matcher(Map<String, Function<T, List<String>>> properties, List<String> freeText) {
        // AND does not care for order: restrictions of one property go first, as they cost less than free text
        List<List<Term>> cheapestFirst = alternatives.stream().map(conjunction -> conjunction.stream()
                .sorted(Comparator.comparing((Term t) -> t.property() == null || !properties.containsKey(t.property()))).toList())
                .toList();
        return object -> {
            for (List<Term> conjunction : cheapestFirst) {
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
        boolean known = term.property() != null && properties.containsKey(term.property());
        Term test = term.property() == null || known ? term
                : new Term(null, Comparison.CONTAINS, term.literal(), null, term.negated());
        for (String property : known ? List.of(term.property()) : freeText) {
            for (String value : properties.get(property).apply(object)) {
                if (value != null && test.accepts(value)) {
                    return true;
                }
            }
        }
        return false;
    }
}
