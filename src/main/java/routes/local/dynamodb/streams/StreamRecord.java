package routes.local.dynamodb.streams;

import java.time.Instant;
import java.util.Map;
import routes.local.dynamodb.value.Value;

/**
 * One change as a stream shard holds it: already cut to the stream's view type, so reading it is only
 * rendering (see {@link StreamRecordJson}).
 *
 * @param oldImage null for an INSERT or when the view type leaves it out
 * @param newImage null for a REMOVE or when the view type leaves it out
 * @param byService a TTL deletion, shown with the DynamoDB service identity
 */
record StreamRecord(
        String eventId,
        String eventName,
        long sequenceNumber,
        Instant createdAt,
        Map<String, Value> keys,
        Map<String, Value> oldImage,
        Map<String, Value> newImage,
        String viewType,
        long sizeBytes,
        boolean byService) {

    static final String INSERT = "INSERT";
    static final String MODIFY = "MODIFY";
    static final String REMOVE = "REMOVE";
}
