package routes.local.dynamodb.streams;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import routes.local.dynamodb.api.DynamoDbException;

/** The DynamoDB Streams errors with the codes and wording AWS answers (API Reference, DynamoDB Streams "Errors"). */
final class StreamErrors {

    /** How AWS prints times in ExpiredIteratorException, e.g. "Thu Jul 02 12:57:57 UTC 2015". */
    private static final DateTimeFormatter AWS_TIME =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.US).withZone(ZoneId.of("UTC"));

    private StreamErrors() {}

    static DynamoDbException trimmed() {
        return new DynamoDbException("TrimmedDataAccessException", 400, "The data you are trying to access has been trimmed.");
    }

    static DynamoDbException expired(Instant createdAt, Instant now, Duration lifetime) {
        return new DynamoDbException("ExpiredIteratorException", 400, "Iterator expired. The iterator was created at time "
                + AWS_TIME.format(createdAt) + " while right now it is " + AWS_TIME.format(now)
                + " which is further in the future than the tolerated delay of " + lifetime.toMillis() + " milliseconds.");
    }

    static DynamoDbException streamNotFound(String streamArn) {
        return DynamoDbException.resourceNotFound("Requested resource not found: Stream: " + streamArn + " not found");
    }

    static DynamoDbException shardNotFound(String streamArn, String shardId) {
        return DynamoDbException.resourceNotFound("Requested resource not found: Shard: " + shardId
                + " in Stream: " + streamArn + " not found");
    }

    static DynamoDbException invalidIterator() {
        return DynamoDbException.validation("Invalid ShardIterator");
    }
}
