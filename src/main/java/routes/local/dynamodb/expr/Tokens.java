package routes.local.dynamodb.expr;

import java.util.Arrays;

/**
 * An expression cut into tokens, first step of every parse. Kept as parallel arrays of kinds and
 * offsets so a parse allocates a handful of arrays rather than an object per token; the last token is EOF.
 */
final class Tokens {

    private final String text;
    private TokenKind[] kinds = new TokenKind[16];
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int count;

    private Tokens(String text) {
        this.text = text;
    }

    static Tokens of(String text) {
        Tokens tokens = new Tokens(text);
        tokens.cut();
        return tokens;
    }

    String source() { return text; }

    int count() { return count; }

    TokenKind kind(int i) { return kinds[Math.min(i, count - 1)]; }

    int start(int i) { return starts[Math.min(i, count - 1)]; }

    int end(int i) { return ends[Math.min(i, count - 1)]; }

    String text(int i) { return text.substring(start(i), end(i)); }

    /** True when token i is the given keyword in any letter case (keywords are case-insensitive). */
    boolean isKeyword(int i, String keyword) {
        return kind(i) == TokenKind.NAME && end(i) - start(i) == keyword.length()
                && text.regionMatches(true, start(i), keyword, 0, keyword.length());
    }

    /** True when token i is exactly this name (function names are case-sensitive). */
    boolean isName(int i, String name) {
        return kind(i) == TokenKind.NAME && end(i) - start(i) == name.length()
                && text.startsWith(name, start(i));
    }

    /** The token as AWS quotes it in a syntax error. */
    String display(int i) {
        return kind(i) == TokenKind.EOF ? "<EOF>" : text(i);
    }

    /** The source from the token before i to the token after it, as AWS's "near:" shows it. */
    String near(int i) {
        int last = Math.min(i, count - 1);
        int from = start(Math.max(last - 1, 0));
        int to = end(Math.min(last + 1, count - 1));
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) to--; // EOF sits after trailing blanks
        return text.substring(from, Math.max(from, to));
    }

    private void cut() {
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
                continue;
            }
            int start = i;
            TokenKind kind;
            if (isNameStart(c)) {
                i = skipNameChars(i + 1);
                kind = TokenKind.NAME;
            } else if (c == '#' || c == ':') {
                i = skipNameChars(i + 1);
                kind = i == start + 1 ? TokenKind.UNKNOWN : c == '#' ? TokenKind.NAME_PLACEHOLDER : TokenKind.VALUE_PLACEHOLDER;
            } else if (c >= '0' && c <= '9') {
                while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') i++;
                kind = TokenKind.NUMBER;
            } else {
                char next = i + 1 < length ? text.charAt(i + 1) : 0;
                i++;
                switch (c) {
                    case '(' -> kind = TokenKind.LEFT_PAREN;
                    case ')' -> kind = TokenKind.RIGHT_PAREN;
                    case '[' -> kind = TokenKind.LEFT_BRACKET;
                    case ']' -> kind = TokenKind.RIGHT_BRACKET;
                    case ',' -> kind = TokenKind.COMMA;
                    case '.' -> kind = TokenKind.DOT;
                    case '=' -> kind = TokenKind.EQ;
                    case '+' -> kind = TokenKind.PLUS;
                    case '-' -> kind = TokenKind.MINUS;
                    case '<' -> {
                        if (next == '>') { i++; kind = TokenKind.NE; }
                        else if (next == '=') { i++; kind = TokenKind.LE; }
                        else kind = TokenKind.LT;
                    }
                    case '>' -> {
                        if (next == '=') { i++; kind = TokenKind.GE; }
                        else kind = TokenKind.GT;
                    }
                    default -> {
                        // one whole code point, so a stray emoji is reported as itself
                        i = start + Character.charCount(text.codePointAt(start));
                        kind = TokenKind.UNKNOWN;
                    }
                }
            }
            add(kind, start, i);
        }
        add(TokenKind.EOF, length, length);
    }

    private int skipNameChars(int i) {
        while (i < text.length() && isNameChar(text.charAt(i))) i++;
        return i;
    }

    private void add(TokenKind kind, int start, int end) {
        if (count == kinds.length) {
            kinds = Arrays.copyOf(kinds, count * 2);
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        kinds[count] = kind;
        starts[count] = start;
        ends[count] = end;
        count++;
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
