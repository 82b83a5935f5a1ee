package routes.local.dynamodb.expr;

import routes.local.dynamodb.api.DynamoDbException;

/** Which request parameter an expression came from: AWS names it in every parse error ("Invalid UpdateExpression: …"). */
enum ExpressionKind {
    CONDITION("ConditionExpression"),
    FILTER("FilterExpression"),
    UPDATE("UpdateExpression"),
    PROJECTION("ProjectionExpression"),
    KEY_CONDITION("KeyConditionExpression");

    private final String parameter;

    ExpressionKind(String parameter) {
        this.parameter = parameter;
    }

    String parameter() { return parameter; }

    DynamoDbException invalid(String detail) {
        return DynamoDbException.validation("Invalid " + parameter + ": " + detail);
    }
}
