package routes.local.dynamodb.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One operation of the DynamoDB or DynamoDB Streams JSON 1.0 API: the request body in, the response
 * body out, or a {@link DynamoDbException}. Registered by name ("PutItem", "GetRecords").
 */
@FunctionalInterface
public interface Action {

    ObjectNode handle(JsonNode request);
}
