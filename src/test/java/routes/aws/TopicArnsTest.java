package routes.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A topic's ARN without ListTopics: region, the caller's partition and account, and the name. */
class TopicArnsTest {

    @Test
    void buildsTheArnInTheCallersPartitionAndAccount() {
        var arns = new TopicArns("cn-north-1",
                () -> TopicArns.Account.ofCaller("arn:aws-cn:sts::210987654321:assumed-role/app/task", "210987654321"));

        assertThat(arns.of("order-events")).isEqualTo("arn:aws-cn:sns:cn-north-1:210987654321:order-events");
    }

    @Test
    void asksForTheAccountOnceAndOnlyWhenAnArnIsNeeded() {
        AtomicInteger lookups = new AtomicInteger();
        var arns = new TopicArns("us-east-1", () -> {
            lookups.incrementAndGet();
            return TopicArns.Account.ofCaller("arn:aws:iam::123456789012:root", "123456789012");
        });
        assertThat(lookups).hasValue(0);

        assertThat(arns.of("a")).isEqualTo("arn:aws:sns:us-east-1:123456789012:a");
        assertThat(arns.of("b")).isEqualTo("arn:aws:sns:us-east-1:123456789012:b");
        assertThat(lookups).hasValue(1);
    }
}
