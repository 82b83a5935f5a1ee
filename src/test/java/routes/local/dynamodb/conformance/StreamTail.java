package routes.local.dynamodb.conformance;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Follows every shard of one stream like a consumer would: DescribeStream for the shards, one shard
 * iterator each, GetRecords until a shard ends. New child shards are read from TRIM_HORIZON.
 */
final class StreamTail {

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final Map<String, String> iterators = new HashMap<>();
    private final Set<String> knownShards = new HashSet<>();
    private final List<Record> records = new ArrayList<>();
    private final Map<String, String> shardOfSequence = new HashMap<>();
    private final Duration poll;

    private StreamTail(DynamoDbStreamsClient streams, String streamArn, ShardIteratorType firstShards, boolean remote) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.poll = remote ? Duration.ofMillis(500) : Duration.ofMillis(20);
        for (Shard shard : shards()) {
            knownShards.add(shard.shardId());
            iterators.put(shard.shardId(), iterator(shard.shardId(), firstShards));
        }
    }

    static StreamTail fromTrimHorizon(ConformanceTarget target, String streamArn) {
        return new StreamTail(target.streams(), streamArn, ShardIteratorType.TRIM_HORIZON, target.isRemote());
    }

    static StreamTail fromLatest(ConformanceTarget target, String streamArn) {
        return new StreamTail(target.streams(), streamArn, ShardIteratorType.LATEST, target.isRemote());
    }

    /** Reads until at least {@code count} records match, then returns the matching ones in stream order. */
    List<Record> awaitRecords(Predicate<Record> matching, int count) {
        await("stream records of " + streamArn).atMost(Duration.ofSeconds(30)).pollInterval(poll)
                .until(() -> {
                    readOnce();
                    return records.stream().filter(matching).count() >= count;
                });
        return records.stream().filter(matching).toList();
    }

    /** Every record read so far, in the order read. */
    List<Record> all() {
        return List.copyOf(records);
    }

    /** The shard a record came from. */
    String shardOf(Record record) {
        return shardOfSequence.get(record.dynamodb().sequenceNumber());
    }

    private void readOnce() {
        for (Shard shard : shards()) {
            if (knownShards.add(shard.shardId())) {
                iterators.put(shard.shardId(), iterator(shard.shardId(), ShardIteratorType.TRIM_HORIZON));
            }
        }
        for (Map.Entry<String, String> open : new HashMap<>(iterators).entrySet()) {
            GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(open.getValue()));
            for (Record record : page.records()) {
                records.add(record);
                shardOfSequence.put(record.dynamodb().sequenceNumber(), open.getKey());
            }
            if (page.nextShardIterator() == null) {
                iterators.remove(open.getKey());
            } else {
                iterators.put(open.getKey(), page.nextShardIterator());
            }
        }
    }

    private List<Shard> shards() {
        List<Shard> shards = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            var description = streams.describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(from)).streamDescription();
            shards.addAll(description.shards());
            start = description.lastEvaluatedShardId();
        } while (start != null);
        return shards;
    }

    private String iterator(String shardId, ShardIteratorType type) {
        return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId).shardIteratorType(type)).shardIterator();
    }
}
