package io.exchangehub.sandbox.graph.query;

import io.exchangehub.sandbox.graph.GraphException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * OData {@code $filter} as Outlook's Graph understands it: comparisons ({@code eq ne gt ge lt le})
 * of a property path with a literal, {@code startswith}/{@code endswith}/{@code contains},
 * {@code any}/{@code all} over collections, {@code and}/{@code or}/{@code not} and parentheses.
 * String comparisons ignore case, as Exchange's do. Errors are Graph's: a syntax error is
 * {@code BadRequest}, an unknown property {@code RequestBroker--ParseUri}, a property that
 * cannot be filtered on {@code ErrorInvalidProperty}.
 */
public final class FilterParser {

    private static final Set<String> COMPARISONS = Set.of("eq", "ne", "gt", "ge", "lt", "le");
    private static final Set<String> FUNCTIONS = Set.of("startswith", "endswith", "contains");

    private sealed interface Node permits Or, And, Not, Compare, Call, Lambda, BoolPath {}

    private record Or(Node left, Node right) implements Node {}

    private record And(Node left, Node right) implements Node {}

    private record Not(Node operand) implements Node {}

    private record Compare(String path, String op, Literal literal) implements Node {}

    private record Call(String function, String path, Literal literal) implements Node {}

    private record Lambda(String path, boolean any, String variable, Node body) implements Node {}

    private record BoolPath(String path) implements Node {}

    private enum LiteralKind { STRING, BOOLEAN, NULL, NUMBER, DATETIME }

    private record Literal(LiteralKind kind, String text) {}

    private enum TokenKind { WORD, STRING, OPEN, CLOSE, COMMA, COLON, END }

    private record Token(TokenKind kind, String text, int position) {}

    private final List<Token> tokens;
    private int next;

    private FilterParser(String text) {
        this.tokens = tokenize(text);
    }

    /** Parses and binds a filter to a type's fields; any fault is a {@link GraphException}. */
    public static <T> ParsedFilter<T> parse(String text, EntityFields<T> fields) {
        if (text == null || text.isBlank()) {
            throw syntax("The filter is empty.");
        }
        FilterParser parser = new FilterParser(text);
        Node root = parser.or();
        if (parser.peek().kind() != TokenKind.END) {
            throw syntax("Syntax error at position " + parser.peek().position() + ".");
        }
        List<String> properties = new ArrayList<>();
        Predicate<T> predicate = bind(root, fields, null, properties);
        return new ParsedFilter<>(predicate, List.copyOf(properties));
    }

    // ------------------------------------------------------------------ grammar

    private Node or() {
        Node left = and();
        while (isKeyword("or")) {
            next++;
            left = new Or(left, and());
        }
        return left;
    }

    private Node and() {
        Node left = not();
        while (isKeyword("and")) {
            next++;
            left = new And(left, not());
        }
        return left;
    }

    private Node not() {
        if (isKeyword("not")) {
            next++;
            return new Not(not());
        }
        return primary();
    }

    private Node primary() {
        Token token = take();
        if (token.kind() == TokenKind.OPEN) {
            Node inner = or();
            expect(TokenKind.CLOSE, "')'");
            return inner;
        }
        if (token.kind() != TokenKind.WORD || Character.isDigit(token.text().charAt(0))) {
            throw syntax("Expected a property or function at position " + token.position() + ".");
        }
        String word = token.text();
        if (peek().kind() == TokenKind.OPEN) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (FUNCTIONS.contains(lower)) {
                return call(lower);
            }
            if (lower.endsWith("/any") || lower.endsWith("/all")) {
                return lambda(word.substring(0, word.length() - 4), lower.endsWith("/any"));
            }
            throw GraphException.badRequest("BadRequest", "An unknown function with name '" + word + "' was found.");
        }
        if (peek().kind() == TokenKind.WORD && COMPARISONS.contains(peek().text().toLowerCase(Locale.ROOT))) {
            String op = take().text().toLowerCase(Locale.ROOT);
            return new Compare(word, op, literal());
        }
        return new BoolPath(word);
    }

    private Node call(String function) {
        expect(TokenKind.OPEN, "'('");
        Token path = take();
        if (path.kind() != TokenKind.WORD) {
            throw syntax("Expected a property at position " + path.position() + ".");
        }
        expect(TokenKind.COMMA, "','");
        Literal literal = literal();
        expect(TokenKind.CLOSE, "')'");
        return new Call(function, path.text(), literal);
    }

    private Node lambda(String path, boolean any) {
        expect(TokenKind.OPEN, "'('");
        Token variable = take();
        if (variable.kind() != TokenKind.WORD || variable.text().contains("/")) {
            throw syntax("Expected a range variable at position " + variable.position() + ".");
        }
        expect(TokenKind.COLON, "':'");
        Node body = or();
        expect(TokenKind.CLOSE, "')'");
        return new Lambda(path, any, variable.text(), body);
    }

    private Literal literal() {
        Token token = take();
        if (token.kind() == TokenKind.STRING) {
            return new Literal(LiteralKind.STRING, token.text());
        }
        if (token.kind() != TokenKind.WORD) {
            throw syntax("Expected a value at position " + token.position() + ".");
        }
        String text = token.text();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return new Literal(LiteralKind.BOOLEAN, lower);
        }
        if (lower.equals("null")) {
            return new Literal(LiteralKind.NULL, null);
        }
        if (peek().kind() == TokenKind.STRING && peek().position() == token.position() + text.length()) {
            // a typed literal such as microsoft.graph.importance'high'
            return new Literal(LiteralKind.STRING, take().text());
        }
        if (Character.isDigit(text.charAt(0)) || text.charAt(0) == '-') {
            return new Literal(text.matches("-?\\d+") ? LiteralKind.NUMBER : LiteralKind.DATETIME, text);
        }
        throw syntax("Expected a value but found '" + text + "' at position " + token.position() + ".");
    }

    private boolean isKeyword(String keyword) {
        Token token = peek();
        return token.kind() == TokenKind.WORD && token.text().equalsIgnoreCase(keyword);
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.kind() != TokenKind.END) {
            next++;
        }
        return token;
    }

    private void expect(TokenKind kind, String what) {
        Token token = take();
        if (token.kind() != kind) {
            throw syntax("Expected " + what + " at position " + token.position() + ".");
        }
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                tokens.add(new Token(TokenKind.OPEN, "(", i++));
            } else if (c == ')') {
                tokens.add(new Token(TokenKind.CLOSE, ")", i++));
            } else if (c == ',') {
                tokens.add(new Token(TokenKind.COMMA, ",", i++));
            } else if (c == ':' ) {
                tokens.add(new Token(TokenKind.COLON, ":", i++));
            } else if (c == '\'') {
                int start = i++;
                StringBuilder value = new StringBuilder();
                while (true) {
                    if (i >= text.length()) {
                        throw syntax("Unterminated string literal at position " + start + ".");
                    }
                    char d = text.charAt(i++);
                    if (d == '\'') {
                        if (i < text.length() && text.charAt(i) == '\'') {
                            value.append('\'');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        value.append(d);
                    }
                }
                tokens.add(new Token(TokenKind.STRING, value.toString(), start));
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '$' || c == '@') {
                int start = i;
                boolean numeric = Character.isDigit(c) || c == '-';
                while (i < text.length()) {
                    char d = text.charAt(i);
                    boolean part = Character.isLetterOrDigit(d) || d == '_' || d == '.' || d == '/' || d == '-' || d == '$'
                            || d == '@' || (numeric && (d == ':' || d == '+'));
                    if (!part) {
                        break;
                    }
                    i++;
                }
                tokens.add(new Token(TokenKind.WORD, text.substring(start, i), start));
            } else {
                throw syntax("Syntax error: character '" + c + "' is not valid at position " + i + ".");
            }
        }
        tokens.add(new Token(TokenKind.END, "", text.length()));
        return tokens;
    }

    // ------------------------------------------------------------------ binding

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Predicate<T> bind(Node node, EntityFields<T> fields, String variable, List<String> properties) {
        if (node instanceof Or or) {
            return bind(or.left(), fields, variable, properties).or(bind(or.right(), fields, variable, properties));
        }
        if (node instanceof And and) {
            return bind(and.left(), fields, variable, properties).and(bind(and.right(), fields, variable, properties));
        }
        if (node instanceof Not not) {
            return bind(not.operand(), fields, variable, properties).negate();
        }
        if (node instanceof Lambda lambda) {
            String path = relative(lambda.path(), variable, fields);
            EntityFields.Collection<T, ?> collection = fields.collection(path);
            if (collection == null) {
                throw unknownOrUnsupported(path, fields);
            }
            note(properties, variable, path);
            Predicate body = bind(lambda.body(), (EntityFields) collection.fields(), lambda.variable(), new ArrayList<>());
            boolean any = lambda.any();
            return object -> {
                List<?> elements = collection.elements().apply(object);
                return any ? elements.stream().anyMatch(body) : elements.stream().allMatch(body);
            };
        }
        if (node instanceof BoolPath boolPath) {
            String path = relative(boolPath.path(), variable, fields);
            EntityFields.Field<T> field = field(path, fields);
            if (field.kind() != EntityFields.Kind.BOOLEAN) {
                throw syntax("The property '" + path + "' is not a Boolean and cannot stand alone in a filter.");
            }
            note(properties, variable, path);
            return object -> Boolean.TRUE.equals(field.accessor().apply(object));
        }
        if (node instanceof Call call) {
            String path = relative(call.path(), variable, fields);
            EntityFields.Field<T> field = field(path, fields);
            if (field.kind() != EntityFields.Kind.STRING || call.literal().kind() != LiteralKind.STRING) {
                throw syntax("The function '" + call.function() + "' takes a string property and a string literal.");
            }
            note(properties, variable, path);
            String needle = call.literal().text().toLowerCase(Locale.ROOT);
            String function = call.function();
            return object -> {
                Object value = field.accessor().apply(object);
                if (value == null) {
                    return false;
                }
                String text = value.toString().toLowerCase(Locale.ROOT);
                return switch (function) {
                    case "startswith" -> text.startsWith(needle);
                    case "endswith" -> text.endsWith(needle);
                    default -> text.contains(needle);
                };
            };
        }
        Compare compare = (Compare) node;
        String path = relative(compare.path(), variable, fields);
        EntityFields.Field<T> field = field(path, fields);
        note(properties, variable, path);
        return comparison(field, compare.op(), compare.literal());
    }

    private static void note(List<String> properties, String variable, String path) {
        if (variable == null && !properties.contains(path)) {
            properties.add(path);
        }
    }

    /** The path below the range variable inside {@code any(x: …)}; outside, the path itself. */
    private static String relative(String path, String variable, EntityFields<?> fields) {
        if (variable == null) {
            return path;
        }
        if (path.equals(variable)) {
            return "";
        }
        if (path.startsWith(variable + "/")) {
            return path.substring(variable.length() + 1);
        }
        throw GraphException.badRequest("ErrorInvalidProperty",
                "The property '" + path + "' cannot be used inside a lambda over '" + fields.typeName() + "'.");
    }

    private static <T> EntityFields.Field<T> field(String path, EntityFields<T> fields) {
        EntityFields.Field<T> field = fields.field(path);
        if (field == null) {
            throw unknownOrUnsupported(path, fields);
        }
        return field;
    }

    private static GraphException unknownOrUnsupported(String path, EntityFields<?> fields) {
        String first = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
        if (!path.isEmpty() && !fields.hasProperty(first)) {
            return GraphException.badRequest("RequestBroker--ParseUri",
                    "Could not find a property named '" + first + "' on type '" + fields.typeName() + "'.");
        }
        return GraphException.badRequest("ErrorInvalidProperty", "The property '" + path + "' does not support filtering.");
    }

    private static <T> Predicate<T> comparison(EntityFields.Field<T> field, String op, Literal literal) {
        if (literal.kind() == LiteralKind.NULL) {
            if (!op.equals("eq") && !op.equals("ne")) {
                throw incompatible(field, op, "null");
            }
            boolean eq = op.equals("eq");
            return object -> (field.accessor().apply(object) == null) == eq;
        }
        Object expected = value(field, op, literal);
        return object -> {
            Object actual = field.accessor().apply(object);
            if (actual == null) {
                return op.equals("ne");
            }
            int order = compare(actual, expected);
            return switch (op) {
                case "eq" -> order == 0;
                case "ne" -> order != 0;
                case "gt" -> order > 0;
                case "ge" -> order >= 0;
                case "lt" -> order < 0;
                default -> order <= 0;
            };
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object actual, Object expected) {
        if (actual instanceof String a && expected instanceof String e) {
            return a.compareToIgnoreCase(e);
        }
        return ((Comparable) actual).compareTo(expected);
    }

    /** The literal as a value of the field's type, checking the operator suits the type. */
    private static Object value(EntityFields.Field<?> field, String op, Literal literal) {
        boolean ordering = !op.equals("eq") && !op.equals("ne");
        switch (field.kind()) {
            case BOOLEAN -> {
                if (literal.kind() != LiteralKind.BOOLEAN || ordering) {
                    throw incompatible(field, op, literal);
                }
                return Boolean.valueOf(literal.text());
            }
            case STRING -> {
                if (literal.kind() != LiteralKind.STRING) {
                    throw incompatible(field, op, literal);
                }
                return literal.text();
            }
            case NUMBER -> {
                if (literal.kind() != LiteralKind.NUMBER) {
                    throw incompatible(field, op, literal);
                }
                return Long.valueOf(literal.text());
            }
            case ENUM -> {
                if (literal.kind() != LiteralKind.STRING || ordering) {
                    throw incompatible(field, op, literal);
                }
                String value = literal.text().toLowerCase(Locale.ROOT);
                if (!field.values().contains(value)) {
                    throw GraphException.badRequest("BadRequest",
                            "The string '" + literal.text() + "' is not a valid enumeration type constant.");
                }
                return value;
            }
            default -> {
                if (literal.kind() != LiteralKind.DATETIME && literal.kind() != LiteralKind.STRING) {
                    throw incompatible(field, op, literal);
                }
                return instant(literal.text());
            }
        }
    }

    /** An Edm.DateTimeOffset literal; a time without offset is UTC, a date alone its midnight UTC. */
    static Instant instant(String text) {
        try {
            return DateTimes.instant(text);
        } catch (IllegalArgumentException e) {
            throw GraphException.badRequest("BadRequest", "The DateTimeOffset text '" + text + "' is not valid.");
        }
    }

    private static GraphException incompatible(EntityFields.Field<?> field, String op, Object literal) {
        String literalType = literal instanceof Literal l ? switch (l.kind()) {
            case STRING -> "Edm.String";
            case BOOLEAN -> "Edm.Boolean";
            case NUMBER -> "Edm.Int32";
            case DATETIME -> "Edm.DateTimeOffset";
            case NULL -> "null";
        } : Objects.toString(literal);
        return GraphException.badRequest("BadRequest", "A binary operator with incompatible types was detected. Found operand types '"
                + field.kind().edmName() + "' and '" + literalType + "' for operator kind '" + operatorName(op) + "'.");
    }

    private static String operatorName(String op) {
        return switch (op) {
            case "eq" -> "Equal";
            case "ne" -> "NotEqual";
            case "gt" -> "GreaterThan";
            case "ge" -> "GreaterThanOrEqual";
            case "lt" -> "LessThan";
            default -> "LessThanOrEqual";
        };
    }

    private static GraphException syntax(String detail) {
        return GraphException.badRequest("BadRequest", "Invalid filter clause: " + detail);
    }
}
