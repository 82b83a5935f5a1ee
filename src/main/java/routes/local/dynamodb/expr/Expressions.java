package routes.local.dynamodb.expr;

/**
 * Parses DynamoDB's expression language. Every parse error, reserved word used without a
 * {@code #name} placeholder, and undefined placeholder is a ValidationException worded as AWS words it.
 */
public final class Expressions {

    private Expressions() {}

    public static Condition condition(String text, ExpressionAttributes attributes) {
        throw new UnsupportedOperationException("TODO expressions");
    }

    public static Update update(String text, ExpressionAttributes attributes) {
        throw new UnsupportedOperationException("TODO expressions");
    }

    public static Projection projection(String text, ExpressionAttributes attributes) {
        throw new UnsupportedOperationException("TODO expressions");
    }

    public static KeyCondition keyCondition(String text, ExpressionAttributes attributes) {
        throw new UnsupportedOperationException("TODO expressions");
    }
}
