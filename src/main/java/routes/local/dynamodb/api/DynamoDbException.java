package routes.local.dynamodb.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error answered in AWS's JSON 1.0 shape: {@code {"__type": "com.amazonaws.dynamodb.v20120810#Code",
 * "message": "..."}} with the HTTP status AWS uses for that code (API Reference, "Errors").
 */
public class DynamoDbException extends RuntimeException {

    private static final String PREFIX = "com.amazonaws.dynamodb.v20120810#";
    private static final String STREAMS_PREFIX = "com.amazonaws.dynamodb.v20120810#";

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
        return ("UnknownOperationException".equals(code) ? "com.amazon.coral.service#" : PREFIX) + code;
    }

    public static DynamoDbException validation(String message) {
        return new DynamoDbException("ValidationException", 400, message);
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
