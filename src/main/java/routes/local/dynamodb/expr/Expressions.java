package routes.local.dynamodb.expr;

/**
 * Parses DynamoDB's expression language. Every parse error, reserved word used without a
 * {@code #name} placeholder, and undefined placeholder is a ValidationException worded as AWS words it.
 * Parse every expression of one request with the same {@link ExpressionAttributes}.
 */
public final class Expressions {

    private Expressions() {}

    /** A ConditionExpression (PutItem, UpdateItem, DeleteItem, TransactWriteItems). */
    public static Condition condition(String text, ExpressionAttributes attributes) {
        return new ParsedCondition(ConditionParser.parse(text, ExpressionKind.CONDITION, attributes));
    }

    /** A FilterExpression (Query, Scan): the same language, errors name the FilterExpression. */
    public static Condition filter(String text, ExpressionAttributes attributes) {
        return new ParsedCondition(ConditionParser.parse(text, ExpressionKind.FILTER, attributes));
    }

    public static Update update(String text, ExpressionAttributes attributes) {
        return new ParsedUpdate(UpdateParser.parse(text, attributes));
    }

    public static Projection projection(String text, ExpressionAttributes attributes) {
        return ParsedProjection.parse(text, attributes);
    }

    public static KeyCondition keyCondition(String text, ExpressionAttributes attributes) {
        return KeyConditionShape.of(ConditionParser.parse(text, ExpressionKind.KEY_CONDITION, attributes));
    }
}
