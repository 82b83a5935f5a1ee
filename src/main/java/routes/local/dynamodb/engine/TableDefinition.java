package routes.local.dynamodb.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import routes.local.dynamodb.value.Value;

/**
 * What a table is, immutable: CreateTable makes one, UpdateTable and UpdateTimeToLive replace it.
 *
 * @param attributeTypes  AttributeDefinitions: name → S, N or B
 * @param stream          the stream settings, or null when no stream is enabled
 * @param streamLabel     the label of the table's latest stream (kept after the stream is disabled,
 *                        as DescribeTable keeps LatestStreamLabel), or null if it never had one
 * @param ttlAttribute    the TTL attribute when TTL is enabled, else null
 */
public record TableDefinition(
        String name,
        Map<String, Value.Type> attributeTypes,
        KeySchema key,
        List<IndexDefinition> globalIndexes,
        List<IndexDefinition> localIndexes,
        String billingMode,
        StreamSettings stream,
        String streamLabel,
        String ttlAttribute,
        Instant createdAt) {

    public TableDefinition {
        attributeTypes = Map.copyOf(attributeTypes);
        globalIndexes = List.copyOf(globalIndexes);
        localIndexes = List.copyOf(localIndexes);
    }

    /** The ARN of the table's latest stream (DescribeTable's LatestStreamArn), or null without one. */
    public String streamArn(String region, String accountId) {
        return streamLabel == null ? null
                : "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + name + "/stream/" + streamLabel;
    }

    public TableDefinition withStream(StreamSettings nextStream, String nextLabel) {
        return new TableDefinition(name, attributeTypes, key, globalIndexes, localIndexes, billingMode, nextStream, nextLabel,
                ttlAttribute, createdAt);
    }

    public TableDefinition withTtlAttribute(String nextTtlAttribute) {
        return new TableDefinition(name, attributeTypes, key, globalIndexes, localIndexes, billingMode, stream, streamLabel,
                nextTtlAttribute, createdAt);
    }

    public TableDefinition withIndexes(Map<String, Value.Type> nextAttributeTypes, List<IndexDefinition> nextGlobalIndexes) {
        return new TableDefinition(name, nextAttributeTypes, key, nextGlobalIndexes, localIndexes, billingMode, stream,
                streamLabel, ttlAttribute, createdAt);
    }

    public TableDefinition withBillingMode(String nextBillingMode) {
        return new TableDefinition(name, attributeTypes, key, globalIndexes, localIndexes, nextBillingMode, stream,
                streamLabel, ttlAttribute, createdAt);
    }

    /** Partition key name and, for a composite key, sort key name (else null). */
    public record KeySchema(String partitionKey, String sortKey) {}

    /** ProjectionType ALL, KEYS_ONLY or INCLUDE; {@code nonKeyAttributes} only for INCLUDE. */
    public record IndexDefinition(String name, KeySchema key, String projectionType, List<String> nonKeyAttributes) {
        public IndexDefinition {
            nonKeyAttributes = nonKeyAttributes == null ? List.of() : List.copyOf(nonKeyAttributes);
        }
    }

    /** StreamViewType: KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES. */
    public record StreamSettings(String viewType) {}
}
