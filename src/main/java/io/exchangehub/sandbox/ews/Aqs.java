package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Advanced Query Syntax as FindItem's {@code m:QueryString} takes it: free words (matched as word
 * prefixes, case-insensitively), "quoted phrases", property restrictions ({@code from:},
 * {@code to:}, {@code cc:}, {@code bcc:}, {@code subject:}, {@code body:}, {@code participants:}
 * (from, to, cc and bcc), {@code attachment:}, {@code category:}, {@code hasattachment:}), AND,
 * OR, NOT and parentheses; terms side by side must all match.
 */
final class Aqs {

    private static final Map<String, String> PROPERTIES = Map.ofEntries(Map.entry("from", "from"), Map.entry("to", "to"),
            Map.entry("cc", "cc"), Map.entry("bcc", "bcc"), Map.entry("subject", "subject"), Map.entry("body", "body"),
            Map.entry("participants", "participants"), Map.entry("attachment", "attachment"),
            Map.entry("attachments", "attachment"), Map.entry("attachmentnames", "attachment"),
            Map.entry("category", "category"), Map.entry("categories", "category"));

    private static final List<String> FREE_TEXT = List.of("subject", "participants", "attachment", "contact", "body");

    private final List<String> tokens;
    private int position;

    private Aqs(List<String> tokens) {
        this.tokens = tokens;
    }

    /**
     * Compiles a query.
     *
     * @throws EwsError ErrorInvalidArgument for an unbalanced or empty query
     */
    static Predicate<Item> compile(String query) {
        Aqs parser = new Aqs(tokenize(query));
        if (parser.tokens.isEmpty()) {
            return item -> true;
        }
        Predicate<Item> predicate = parser.or();
        if (parser.position < parser.tokens.size()) {
            throw invalid(query);
        }
        return predicate;
    }

    private static EwsError invalid(String query) {
        return new EwsError("ErrorInvalidArgument", "The query string '" + query + "' is not valid AQS.");
    }

    private static List<String> tokenize(String query) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : query.toCharArray()) {
            if (c == '"') {
                current.append(c);
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == ')')) {
                flush(tokens, current);
                tokens.add(String.valueOf(c));
            } else if (!quoted && Character.isWhitespace(c)) {
                flush(tokens, current);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw invalid(query);
        }
        flush(tokens, current);
        return tokens;
    }

    private static void flush(List<String> tokens, StringBuilder current) {
        if (current.length() > 0) {
            tokens.add(current.toString());
            current.setLength(0);
        }
    }

    private String peek() {
        return position < tokens.size() ? tokens.get(position) : null;
    }

    private Predicate<Item> or() {
        Predicate<Item> left = and();
        while ("OR".equals(peek())) {
            position++;
            left = left.or(and());
        }
        return left;
    }

    private Predicate<Item> and() {
        Predicate<Item> left = unary();
        while (peek() != null && !"OR".equals(peek()) && !")".equals(peek())) {
            if ("AND".equals(peek())) {
                position++;
            }
            left = left.and(unary());
        }
        return left;
    }

    private Predicate<Item> unary() {
        String token = peek();
        if (token == null || token.equals(")") || token.equals("AND") || token.equals("OR")) {
            throw invalid(String.join(" ", tokens));
        }
        position++;
        if (token.equals("NOT")) {
            return unary().negate();
        }
        if (token.equals("(")) {
            Predicate<Item> inner = or();
            if (!")".equals(peek())) {
                throw invalid(String.join(" ", tokens));
            }
            position++;
            return inner;
        }
        return term(token);
    }

    private static Predicate<Item> term(String token) {
        int colon = token.indexOf(':');
        if (colon > 0 && !token.startsWith("\"")) {
            String name = token.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = token.substring(colon + 1);
            if (name.equals("hasattachment") || name.equals("hasattachments")) {
                boolean wanted = value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes");
                return item -> item.hasAttachments() == wanted;
            }
            String property = PROPERTIES.get(name);
            if (property != null && !value.isEmpty()) {
                return matcher(property, value);
            }
        }
        return matcher("any", token);
    }

    /**
     * Words match the start of a word; quoted phrases match anywhere, as Exchange's content index
     * does. Free text looks at the cheap properties before the body.
     */
    private static Predicate<Item> matcher(String property, String value) {
        boolean phrase = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
        String needle = (phrase ? value.substring(1, value.length() - 1) : value).toLowerCase(Locale.ROOT);
        List<String> properties = property.equals("any") ? FREE_TEXT : List.of(property);
        return item -> {
            for (String searched : properties) {
                for (String text : ItemSearch.texts(item, searched)) {
                    String haystack = ItemSearch.lower(text);
                    if (phrase ? haystack.contains(needle) : Restrictions.startsAWord(haystack, needle)) {
                        return true;
                    }
                }
            }
            return false;
        };
    }
}
