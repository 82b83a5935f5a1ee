package routes.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.model.Stream;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** aws2-ddbstream's ListStreams(tableName), answered from DescribeTable. */
class StreamsClientWithoutListingTest {

    private static final String ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/outbox/stream/2026-12-01T00:00:00.000";

    private final List<String> realStreamCalls = new ArrayList<>();
    private final DynamoDbStreamsClient real = new DynamoDbStreamsClient() {
        @Override
        public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
            realStreamCalls.add("DescribeStream " + request.streamArn());
            return DescribeStreamResponse.builder().streamDescription(StreamDescription.builder().streamArn(request.streamArn()).build()).build();
        }

        @Override
        public ListStreamsResponse listStreams(ListStreamsRequest request) {
            realStreamCalls.add("ListStreams");
            return ListStreamsResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
            realStreamCalls.add("close");
        }
    };

    @Test
    void answersListStreamsOfATableWithItsLatestStreamWithoutListing() {
        var client = new StreamsClientWithoutListing(real, tables(TableDescription.builder().tableName("outbox")
                .streamSpecification(StreamSpecification.builder().streamEnabled(true).build())
                .latestStreamArn(ARN).latestStreamLabel("2026-12-01T00:00:00.000").build()));

        List<Stream> streams = client.listStreams(ListStreamsRequest.builder().tableName("outbox").build()).streams();

        assertThat(streams).containsExactly(Stream.builder().streamArn(ARN).streamLabel("2026-12-01T00:00:00.000").tableName("outbox").build());
        assertThat(realStreamCalls).isEmpty();
    }

    @Test
    void aTableWithoutAStreamHasNoStreamSoCamelReportsIt() {
        var client = new StreamsClientWithoutListing(real, tables(TableDescription.builder().tableName("orders").build()));

        assertThat(client.listStreams(b -> b.tableName("orders")).streams()).isEmpty();
    }

    @Test
    void aDisabledStreamIsNotOfferedEvenThoughDescribeTableStillNamesIt() {
        var client = new StreamsClientWithoutListing(real, tables(TableDescription.builder().tableName("outbox")
                .streamSpecification(StreamSpecification.builder().streamEnabled(false).build())
                .latestStreamArn(ARN).build()));

        assertThat(client.listStreams(b -> b.tableName("outbox")).streams()).isEmpty();
    }

    @Test
    void listingEveryStreamIsRefused() {
        var client = new StreamsClientWithoutListing(real, tables(TableDescription.builder().build()));

        assertThatThrownBy(() -> client.listStreams(ListStreamsRequest.builder().build()))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("Resource \"*\"");
        assertThat(realStreamCalls).isEmpty();
    }

    @Test
    void readingTheStreamAndClosingGoToTheRealClient() {
        var client = new StreamsClientWithoutListing(real, tables(TableDescription.builder().build()));

        assertThat(client.describeStream(b -> b.streamArn(ARN)).streamDescription().streamArn()).isEqualTo(ARN);
        client.close();

        assertThat(realStreamCalls).containsExactly("DescribeStream " + ARN, "close");
        assertThat(client.serviceName()).isEqualTo("dynamodb");
    }

    private static DynamoDbClient tables(TableDescription table) {
        return new DynamoDbClient() {
            @Override
            public DescribeTableResponse describeTable(DescribeTableRequest request) {
                return DescribeTableResponse.builder().table(table).build();
            }

            @Override
            public String serviceName() {
                return "dynamodb";
            }

            @Override
            public void close() {}
        };
    }
}
