package routes.aws.resources;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import routes.aws.TopicArns;

/**
 * The ARN of {@code app.resources.topic}: {@code app.resources.topic-arn} when set (Terraform's
 * {@code app_resources_topic_arn}), otherwise built from the topic's name, region and account.
 */
@Component
public class EventsTopicArn {

    private final TopicArns arns;
    private final String name;
    private final String configuredArn;

    public EventsTopicArn(TopicArns arns, ResourceNames names, @Value("${app.resources.topic-arn:}") String configuredArn) {
        this.arns = arns;
        this.name = names.topic();
        this.configuredArn = configuredArn;
    }

    /** Cheap after the first call: {@link TopicArns} looks the account up once. */
    public String value() {
        return configuredArn.isBlank() ? arns.of(name) : configuredArn;
    }
}
