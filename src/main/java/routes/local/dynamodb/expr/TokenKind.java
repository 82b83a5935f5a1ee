package routes.local.dynamodb.expr;

/** The tokens of DynamoDB's expression language; keywords (AND, SET …) arrive as NAME and the parsers recognise them. */
enum TokenKind {
    NAME, NAME_PLACEHOLDER, VALUE_PLACEHOLDER, NUMBER,
    LEFT_PAREN, RIGHT_PAREN, LEFT_BRACKET, RIGHT_BRACKET, COMMA, DOT,
    EQ, NE, LT, LE, GT, GE, PLUS, MINUS,
    /** A character the language has no use for; the parser reports it as a syntax error. */
    UNKNOWN,
    EOF
}
