package routes.inbox;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.spi.PropertiesFunction;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * {@code {{queue-url:<queue name>}}}: the queue's URL from GetQueueUrl, for the {@code queueUrl} option
 * of aws2-sqs endpoints. Without it Camel finds the URL with ListQueues, which IAM grants only on
 * Resource "*"; GetQueueUrl is granted on the queue. Camel loads it by name from
 * META-INF/services/org/apache/camel/properties-function/queue-url.
 */
public class QueueUrlFunction implements PropertiesFunction, CamelContextAware {

    public static final String NAME = "queue-url";

    private CamelContext camelContext;

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String apply(String queueName) {
        SqsClient sqs = camelContext.getRegistry().findSingleByType(SqsClient.class);
        if (sqs == null) {
            throw new IllegalStateException("{{" + NAME + ":" + queueName + "}} needs the SqsClient bean");
        }
        try {
            return sqs.getQueueUrl(b -> b.queueName(queueName.trim())).queueUrl();
        } catch (QueueDoesNotExistException e) {
            throw new IllegalStateException("SQS queue " + queueName.trim() + " does not exist", e);
        }
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }
}
