package routes.local.dynamodb.expr;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import routes.local.dynamodb.api.DynamoDbException;
import routes.local.dynamodb.value.Value;

/**
 * The position of a parse in its tokens, shared by the condition, update and projection parsers:
 * document paths, placeholders, syntax errors. AWS reports a syntax error at once but other problems
 * only after the whole expression parsed, the most important first; {@link #report} keeps that one.
 */
final class TokenCursor {

    /** Problems found while parsing, in the order AWS gives them precedence. */
    enum Problem {
        REDUNDANT_PARENTHESES, UNKNOWN_FUNCTION, MISUSED_FUNCTION, RESERVED_WORD, DUPLICATE_SECTION,
        UNDEFINED_NAME, UNDEFINED_VALUE, OPERAND_COUNT, DISTINCT_OPERANDS, PATH_OVERLAP, OPERAND_TYPE
    }

    /** Developer Guide, "Service, account, and table quotas": an expression string holds at most 4 KB. */
    private static final int MAX_EXPRESSION_BYTES = 4096;
    /** Developer Guide, "Service, account, and table quotas": at most 300 operators or functions in an expression. */
    private static final int MAX_OPERATORS = 300;
    /** Deeper paths are rejected (Developer Guide, "Service, account, and table quotas": nesting 32 levels). */
    private static final int MAX_NESTING = 32;

    final Tokens tokens;
    final ExpressionKind kind;
    final ExpressionAttributes attributes;
    int position;
    private int operators;
    private Problem problem;
    private String problemMessage;

    TokenCursor(String text, ExpressionKind kind, ExpressionAttributes attributes) {
        if (text.isEmpty()) throw kind.invalid("The expression can not be empty;");
        // a char takes at most 3 UTF-8 bytes, so only long texts need counting
        if (text.length() * 3 > MAX_EXPRESSION_BYTES) {
            int size = text.getBytes(StandardCharsets.UTF_8).length;
            if (size > MAX_EXPRESSION_BYTES) {
                throw kind.invalid("Expression size has exceeded the maximum allowed size; expression size: " + size);
            }
        }
        this.tokens = Tokens.of(text);
        this.kind = kind;
        this.attributes = attributes;
    }

    TokenKind peek() { return tokens.kind(position); }

    TokenKind peek(int ahead) { return tokens.kind(position + ahead); }

    boolean at(TokenKind kind) { return tokens.kind(position) == kind; }

    boolean atKeyword(String keyword) { return tokens.isKeyword(position, keyword); }

    String text() { return tokens.text(position); }

    void advance() { position++; }

    boolean accept(TokenKind kind) {
        if (!at(kind)) return false;
        position++;
        return true;
    }

    void expect(TokenKind kind) {
        if (!accept(kind)) throw syntaxError();
    }

    void expectKeyword(String keyword) {
        if (!atKeyword(keyword)) throw syntaxError();
        position++;
    }

    void expectEnd() {
        if (!at(TokenKind.EOF)) throw syntaxError();
    }

    /** Counts an operator or function; past AWS's limit the parse stops, which also bounds its recursion. */
    void countOperator() {
        if (++operators > MAX_OPERATORS) {
            throw kind.invalid("The expression contains too many operators; operator count: " + operators);
        }
    }

    /** The position of the ")" closing the "(" at {@code open}, or -1 when there is none. */
    int matchingParenthesis(int open) {
        int depth = 0;
        for (int i = open; i < tokens.count(); i++) {
            TokenKind kind = tokens.kind(i);
            if (kind == TokenKind.LEFT_PAREN) {
                depth++;
            } else if (kind == TokenKind.RIGHT_PAREN && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    DynamoDbException syntaxError() {
        return kind.invalid("Syntax error; token: \"" + tokens.display(position) + "\", near: \"" + tokens.near(position) + "\"");
    }

    /** Keeps the problem AWS would report first; {@link #throwReported} raises it once the parse is done. */
    void report(Problem found, String message) {
        if (problem == null || found.ordinal() < problem.ordinal()) {
            problem = found;
            problemMessage = message;
        }
    }

    void throwReported() {
        if (problem != null) throw kind.invalid(problemMessage);
    }

    /** {@code name(.name | [index])*}, where a name is plain or a {@code #placeholder}. */
    DocumentPath path() {
        List<DocumentPath.Segment> segments = new ArrayList<>(4);
        segments.add(name());
        while (true) {
            if (accept(TokenKind.DOT)) {
                segments.add(name());
            } else if (accept(TokenKind.LEFT_BRACKET)) {
                if (!at(TokenKind.NUMBER)) throw syntaxError();
                int index;
                try {
                    index = Integer.parseInt(text());
                } catch (NumberFormatException e) {
                    throw syntaxError();
                }
                advance();
                expect(TokenKind.RIGHT_BRACKET);
                segments.add(new DocumentPath.Index(index));
            } else {
                break;
            }
        }
        if (segments.size() > MAX_NESTING) {
            report(Problem.OPERAND_TYPE, "The document path has too many nesting levels; nesting levels: " + segments.size());
        }
        return new DocumentPath(segments);
    }

    private DocumentPath.Segment name() {
        if (at(TokenKind.NAME_PLACEHOLDER)) {
            String placeholder = text();
            advance();
            String name = attributes.name(placeholder);
            if (name == null) {
                report(Problem.UNDEFINED_NAME,
                        "An expression attribute name used in the document path is not defined; attribute name: " + placeholder);
            }
            return new DocumentPath.Placeholder(placeholder, name);
        }
        if (!at(TokenKind.NAME)) throw syntaxError();
        String name = text();
        advance();
        if (ReservedWords.contains(name)) {
            report(Problem.RESERVED_WORD, "Attribute name is a reserved keyword; reserved keyword: " + name);
        }
        return new DocumentPath.Name(name);
    }

    /** AWS rejects two paths where one is, or lies inside, the other, or where one indexes a list and the other names a map key. */
    void requireSeparate(List<AttributePath> paths) {
        for (int i = 0; i < paths.size(); i++) {
            AttributePath two = paths.get(i);
            for (int j = 0; j < i; j++) {
                AttributePath one = paths.get(j);
                AttributePath.Relation relation = one.relationTo(two);
                if (relation != AttributePath.Relation.DISJOINT) {
                    report(Problem.PATH_OVERLAP, "Two document paths "
                            + (relation == AttributePath.Relation.OVERLAP ? "overlap" : "conflict")
                            + " with each other; must remove or rewrite one of these paths; path one: " + one + ", path two: " + two);
                }
            }
        }
    }

    /** A {@code :placeholder} at the current position. */
    ValueRef value() {
        if (!at(TokenKind.VALUE_PLACEHOLDER)) throw syntaxError();
        String placeholder = text();
        advance();
        Value value = attributes.value(placeholder);
        if (value == null) {
            report(Problem.UNDEFINED_VALUE,
                    "An expression attribute value used in expression is not defined; attribute value: " + placeholder);
        }
        return new ValueRef(placeholder, value);
    }

    /** AWS's type word in "operand type: …" for ADD and DELETE. */
    static String longTypeName(Value value) {
        return switch (value.type()) {
            case S -> "STRING";
            case N -> "NUMBER";
            case B -> "BINARY";
            case BOOL -> "BOOLEAN";
            case NULL -> "NULL";
            case L -> "LIST";
            case M -> "MAP";
            default -> value.type().name();
        };
    }
}
