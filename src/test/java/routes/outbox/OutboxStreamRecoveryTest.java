package routes.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
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
    void otherPollFailuresAreLeftToTheNextPoll() {
        assertThat(OutboxStreamRecovery.positionLost(SdkClientException.create("connection refused"))).isFalse();
        assertThat(OutboxStreamRecovery.positionLost(new IllegalStateException("boom"))).isFalse();
    }
}
