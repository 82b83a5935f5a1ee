package routes.outbox;

import org.springframework.stereotype.Component;
import routes.aws.resources.ResourceNames;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Topic;

/** The ARN of the {@code order-events} topic, looked up once (the application never creates it in aws mode). */
@Component
public class OrderEventsTopic {

    private final SnsClient sns;
    private final String name;
    private volatile String arn;

    public OrderEventsTopic(SnsClient sns, ResourceNames names) {
        this.sns = sns;
        this.name = names.topic();
    }

    public String arn() {
        String known = arn;
        if (known == null) {
            known = sns.listTopicsPaginator().topics().stream()
                    .map(Topic::topicArn)
                    .filter(topicArn -> topicArn.endsWith(":" + name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("SNS topic " + name + " does not exist"));
            arn = known;
        }
        return known;
    }
}
