package routes.local.sns;

import static routes.local.sns.XmlResponseWriter.element;
import static routes.local.sns.XmlResponseWriter.entries;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** CreateTopic, ListTopics, DeleteTopic, GetTopicAttributes and SetTopicAttributes. */
final class TopicActions {

    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,251}(\\.fifo)?|[A-Za-z0-9_-]{252,256}");
    private static final int PAGE_SIZE = 100;

    private final TopicRegistry registry;

    TopicActions(TopicRegistry registry) {
        this.registry = registry;
    }

    void register(Map<String, SnsAction> actions) {
        actions.put("CreateTopic", this::createTopic);
        actions.put("ListTopics", this::listTopics);
        actions.put("DeleteTopic", this::deleteTopic);
        actions.put("GetTopicAttributes", this::getTopicAttributes);
        actions.put("SetTopicAttributes", this::setTopicAttributes);
    }

    private String createTopic(SnsRequest request) {
        String name = request.required("Name");
        if (!TOPIC_NAME.matcher(name).matches()) {
            throw SnsError.invalidParameter("Invalid parameter: Topic Name");
        }
        Map<String, String> attributes = request.entries("Attributes");
        boolean fifoAttribute = "true".equalsIgnoreCase(attributes.get("FifoTopic"));
        if (fifoAttribute != name.endsWith(".fifo")) {
            throw SnsError.invalidParameter("Invalid parameter: Fifo Topic names must end with .fifo and "
                    + "FIFO topics need the attribute FifoTopic=true");
        }
        return element("TopicArn", registry.createTopic(name, attributes).arn());
    }

    private String listTopics(SnsRequest request) {
        List<Topic> topics = registry.topics();
        int from = pageStart(request.optional("NextToken").orElse("0"), topics.size());
        int to = Math.min(from + PAGE_SIZE, topics.size());
        StringBuilder xml = new StringBuilder("<Topics>");
        topics.subList(from, to).forEach(topic ->
                xml.append("<member>").append(element("TopicArn", topic.arn())).append("</member>"));
        xml.append("</Topics>");
        if (to < topics.size()) {
            xml.append(element("NextToken", Integer.toString(to)));
        }
        return xml.toString();
    }

    private String deleteTopic(SnsRequest request) {
        registry.deleteTopic(request.required("TopicArn"));
        return null;
    }

    private String getTopicAttributes(SnsRequest request) {
        Topic topic = registry.requireTopic(request.required("TopicArn"));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("TopicArn", topic.arn());
        attributes.put("Owner", registry.accountId());
        attributes.put("DisplayName", "");
        attributes.put("SubscriptionsConfirmed", Integer.toString(registry.subscriptionsOf(topic.arn()).size()));
        attributes.put("SubscriptionsPending", "0");
        attributes.put("SubscriptionsDeleted", "0");
        attributes.putAll(topic.attributes());
        return "<Attributes>" + entries(attributes) + "</Attributes>";
    }

    private String setTopicAttributes(SnsRequest request) {
        String name = request.required("AttributeName");
        if (name.equals("FifoTopic")) {
            throw SnsError.invalidParameter("Invalid parameter: AttributeName Reason: FifoTopic cannot be changed");
        }
        registry.setTopicAttribute(request.required("TopicArn"), name, request.optional("AttributeValue").orElse(""));
        return null;
    }

    static int pageStart(String nextToken, int size) {
        try {
            int start = Integer.parseInt(nextToken);
            if (start >= 0 && start <= size) {
                return start;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw SnsError.invalidParameter("Invalid parameter: NextToken");
    }
}
