package routes.aws;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.model.Stream;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The streams client Camel's aws2-ddbstream consumer gets: it finds a table's stream with
 * ListStreams(tableName) on every start, and IAM grants ListStreams only on Resource "*", so the
 * stream is taken from DescribeTable's LatestStreamArn (granted on the table) instead. Reading the
 * stream (DescribeStream, GetShardIterator, GetRecords) goes to the real client; the other calls,
 * which Camel 4.17 does not make, stay unsupported.
 */
public class StreamsClientWithoutListing implements DynamoDbStreamsClient {

    private final DynamoDbStreamsClient streams;
    private final DynamoDbClient dynamoDb;

    public StreamsClientWithoutListing(DynamoDbStreamsClient streams, DynamoDbClient dynamoDb) {
        this.streams = streams;
        this.dynamoDb = dynamoDb;
    }

    /** The table's current stream, or none while the table has no enabled stream; one page, no paging. */
    @Override
    public ListStreamsResponse listStreams(ListStreamsRequest request) {
        if (request.tableName() == null) {
            throw new UnsupportedOperationException("Streams are looked up per table here: ListStreams needs Resource \"*\" in IAM");
        }
        TableDescription table = dynamoDb.describeTable(b -> b.tableName(request.tableName())).table();
        boolean enabled = table.streamSpecification() != null && Boolean.TRUE.equals(table.streamSpecification().streamEnabled());
        if (!enabled || table.latestStreamArn() == null || table.latestStreamArn().equals(request.exclusiveStartStreamArn())) {
            return ListStreamsResponse.builder().streams(List.of()).build();
        }
        return ListStreamsResponse.builder()
                .streams(Stream.builder().streamArn(table.latestStreamArn()).streamLabel(table.latestStreamLabel())
                        .tableName(table.tableName()).build())
                .build();
    }

    @Override
    public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
        return streams.describeStream(request);
    }

    @Override
    public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
        return streams.getShardIterator(request);
    }

    @Override
    public GetRecordsResponse getRecords(GetRecordsRequest request) {
        return streams.getRecords(request);
    }

    @Override
    public String serviceName() {
        return streams.serviceName();
    }

    @Override
    public void close() {
        streams.close();
    }
}
