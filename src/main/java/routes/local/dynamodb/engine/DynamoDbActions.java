package routes.local.dynamodb.engine;

import java.util.Map;
import routes.local.dynamodb.api.Action;

/** Registers every DynamoDB (not Streams) operation the engine answers, by its X-Amz-Target name. */
public final class DynamoDbActions {

    private DynamoDbActions() {}

    public static void register(Database database, String region, String accountId, Map<String, Action> actions) {
        new TableActions(database, new TableDescriptions(region, accountId)).register(actions);
        new TimeToLiveActions(database).register(actions);
        new ItemActions(database).register(actions);
        new ReadActions(database).register(actions);
        new BatchActions(database).register(actions);
        new TransactionActions(database).register(actions);
    }
}
