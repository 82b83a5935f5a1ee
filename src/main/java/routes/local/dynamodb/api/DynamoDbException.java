package routes.local.dynamodb.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error answered in AWS's JSON 1.0 shape: {@code {"__type": "com.amazonaws.dynamodb.v20120810#Code",
 * "message": "..."}} with the HTTP status AWS uses for that code (API Reference, "Errors").
 */
public class DynamoDbException extends RuntimeException {

    private static final String PREFIX = "com.amazonaws.dynamodb.v20120810#";
    private static final String CONSTRAINT_PREFIX = "1 validation error detected: ";

    private final String code;
    private final int status;
    /** Extra members of the error body (CancellationReasons, Item), or null. */
    private final ObjectNode extra;

    public DynamoDbException(String code, int status, String message) {
        this(code, status, message, null);
    }

    public DynamoDbException(String code, int status, String message, ObjectNode extra) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.extra = extra;
    }

    public String code() { return code; }

    public int status() { return status; }

    public ObjectNode extra() { return extra; }

    /** The {@code __type} member. */
    public String type() {
        return typePrefix() + code;
    }

    // AWS answers errors of the request's shape from its front end (coral), the rest from DynamoDB itself.
    private String typePrefix() {
        if ("UnknownOperationException".equals(code)) {
            return "com.amazon.coral.service#";
        }
        return getMessage() != null && getMessage().startsWith(CONSTRAINT_PREFIX) ? "com.amazon.coral.validate#" : PREFIX;
    }

    public static DynamoDbException validation(String message) {
        return new DynamoDbException("ValidationException", 400, message);
    }

    /**
     * A request member that breaks its declared constraint (missing, too long, out of range), worded as
     * AWS's front end words it: "1 validation error detected: Value null at 'tableName' failed to ...".
     */
    public static DynamoDbException constraint(String detail) {
        return validation(CONSTRAINT_PREFIX + detail);
    }

    public static DynamoDbException serialization(String message) {
        return new DynamoDbException("SerializationException", 400, message);
    }

    public static DynamoDbException resourceNotFound(String message) {
        return new DynamoDbException("ResourceNotFoundException", 400, message);
    }

    public static DynamoDbException resourceInUse(String message) {
        return new DynamoDbException("ResourceInUseException", 400, message);
    }

    public static DynamoDbException conditionalCheckFailed(ObjectNode itemOrNull) {
        return new DynamoDbException("ConditionalCheckFailedException", 400, "The conditional request failed", itemOrNull);
    }

    public static DynamoDbException unknownOperation(String target) {
        return new DynamoDbException("UnknownOperationException", 400,
                "An unknown operation was requested: " + target);
    }

    public static DynamoDbException internal(String message) {
        return new DynamoDbException("InternalServerError", 500, message);
    }
}
