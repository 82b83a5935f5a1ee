package routes.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;

class OutboxStreamRecoveryTest {

    @Test
    void aTrimmedOrExpiredIteratorMeansThePositionIsLostEvenWhenWrapped() {
        assertThat(OutboxStreamRecovery.positionLost(TrimmedDataAccessException.builder().message("t").build())).isTrue();
        assertThat(OutboxStreamRecovery.positionLost(new RuntimeCamelException(
                ExpiredIteratorException.builder().message("e").build()))).isTrue();
    }

    @Test
    void aRefusedIteratorRequestMeansThePositionIsLost() {
        // What the stream answers Camel's refresh of an expired iterator when no record was seen on the shard.
        assertThat(OutboxStreamRecovery.positionLost(DynamoDbException.builder().statusCode(400)
                .message("Must specify a sequence number for iterator type AFTER_SEQUENCE_NUMBER").build())).isTrue();
    }

    @Test
    void throttlingIsLeftToTheNextPoll() {
        assertThat(OutboxStreamRecovery.positionLost(LimitExceededException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("LimitExceededException").build())
                .message("slow down").build())).isFalse();
    }

    @Test
    void otherPollFailuresAreLeftToTheNextPoll() {
        assertThat(OutboxStreamRecovery.positionLost(SdkClientException.create("connection refused"))).isFalse();
        assertThat(OutboxStreamRecovery.positionLost(new IllegalStateException("boom"))).isFalse();
    }
}
