package routes.local.dynamodb.streams;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A shard iterator: everything GetRecords needs travels inside the opaque string, so iterators hold no
 * server state and stay valid across an emulator restart.
 *
 * @param position the sequence number reading resumes at (the first record at or after it)
 */
record ShardIterator(String streamArn, String shardId, long position, Instant createdAt) {

    private static final String VERSION = "v1";

    String encode() {
        String plain = String.join("|", VERSION, streamArn, shardId, Long.toString(position),
                Long.toString(createdAt.toEpochMilli()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws routes.local.dynamodb.api.DynamoDbException ValidationException for anything this emulator did not issue */
    static ShardIterator decode(String text) {
        if (text == null || text.isEmpty() || text.length() > 2048) {
            throw StreamErrors.invalidIterator();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 5 || !VERSION.equals(parts[0]) || parts[1].isEmpty() || parts[2].isEmpty()) {
                throw StreamErrors.invalidIterator();
            }
            return new ShardIterator(parts[1], parts[2], Long.parseLong(parts[3]),
                    Instant.ofEpochMilli(Long.parseLong(parts[4])));
        } catch (IllegalArgumentException e) {
            throw StreamErrors.invalidIterator();
        }
    }
}
