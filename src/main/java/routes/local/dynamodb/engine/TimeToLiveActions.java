package routes.local.dynamodb.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import routes.local.dynamodb.api.Action;
import routes.local.dynamodb.api.DynamoDbException;

/** UpdateTimeToLive and DescribeTimeToLive (API Reference); the deleting is {@link TimeToLiveReaper}'s. */
final class TimeToLiveActions {

    private final Database database;

    TimeToLiveActions(Database database) {
        this.database = database;
    }

    void register(Map<String, Action> actions) {
        actions.put("UpdateTimeToLive", this::updateTimeToLive);
        actions.put("DescribeTimeToLive", this::describeTimeToLive);
    }

    ObjectNode updateTimeToLive(JsonNode json) {
        Request request = new Request(json);
        String name = request.tableName();
        JsonNode specNode = request.member("TimeToLiveSpecification");
        if (specNode == null) {
            throw DynamoDbException.constraint("Value null at 'timeToLiveSpecification' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        Request spec = new Request(specNode);
        String attribute = spec.requiredString("AttributeName", "timeToLiveSpecification.attributeName");
        if (!spec.has("Enabled")) {
            throw DynamoDbException.constraint("Value null at 'timeToLiveSpecification.enabled' "
                    + "failed to satisfy constraint: Member must not be null");
        }
        boolean enabled = spec.bool("Enabled", false);
        database.write(changes -> {
            TableDefinition definition = changes.table(name).definition();
            if (enabled && definition.ttlAttribute() != null) {
                throw DynamoDbException.validation("TimeToLive is already enabled");
            }
            if (!enabled && definition.ttlAttribute() == null) {
                throw DynamoDbException.validation("TimeToLive is already disabled");
            }
            changes.control(new Commit.TableUpdated(changes.now(), definition.withTtlAttribute(enabled ? attribute : null)));
            return null;
        });
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.putObject("TimeToLiveSpecification").put("AttributeName", attribute).put("Enabled", enabled);
        return response;
    }

    ObjectNode describeTimeToLive(JsonNode json) {
        String name = new Request(json).tableName();
        String attribute = database.read(tables -> tables.table(name).definition().ttlAttribute());
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ObjectNode description = response.putObject("TimeToLiveDescription");
        if (attribute == null) {
            description.put("TimeToLiveStatus", "DISABLED");
        } else {
            description.put("TimeToLiveStatus", "ENABLED").put("AttributeName", attribute);
        }
        return response;
    }
}
