package routes.local.sns;

import static routes.local.sns.XmlResponseWriter.element;
import static routes.local.sns.XmlResponseWriter.entries;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Subscribe, Unsubscribe, ListSubscriptions(ByTopic) and Get/SetSubscriptionAttributes. Only the sqs
 * protocol is accepted, and subscriptions are confirmed at once. RawMessageDelivery, FilterPolicy and
 * FilterPolicyScope take effect; the other SNS subscription attributes are stored but not enforced.
 */
final class SubscriptionActions {

    private static final Set<String> ATTRIBUTE_NAMES = Set.of(Subscription.RAW_MESSAGE_DELIVERY,
            Subscription.FILTER_POLICY, Subscription.FILTER_POLICY_SCOPE,
            "DeliveryPolicy", "RedrivePolicy", "SubscriptionRoleArn", "ReplayPolicy");
    private static final int PAGE_SIZE = 100;

    private final TopicRegistry registry;

    SubscriptionActions(TopicRegistry registry) {
        this.registry = registry;
    }

    void register(Map<String, SnsAction> actions) {
        actions.put("Subscribe", this::subscribe);
        actions.put("Unsubscribe", this::unsubscribe);
        actions.put("ListSubscriptions", this::listSubscriptions);
        actions.put("ListSubscriptionsByTopic", this::listSubscriptionsByTopic);
        actions.put("GetSubscriptionAttributes", this::getSubscriptionAttributes);
        actions.put("SetSubscriptionAttributes", this::setSubscriptionAttributes);
    }

    private String subscribe(SnsRequest request) {
        String topicArn = request.required("TopicArn");
        String protocol = request.required("Protocol");
        if (!protocol.equals("sqs")) {
            throw SnsError.invalidParameter("Invalid parameter: Protocol Reason: the local SNS stand-in delivers "
                    + "to sqs subscriptions only, not " + protocol);
        }
        String endpoint = request.required("Endpoint");
        if (SqsQueueArn.parse(endpoint).isEmpty()) {
            throw SnsError.invalidParameter("Invalid parameter: SQS endpoint ARN");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        request.entries("Attributes").forEach((name, value) -> {
            String normalized = validated(name, value);
            if (normalized != null) {
                attributes.put(name, normalized);
            }
        });
        Subscription subscription = registry.subscribe(topicArn, protocol, endpoint, attributes);
        return element("SubscriptionArn", subscription.arn());
    }

    private String unsubscribe(SnsRequest request) {
        String arn = request.required("SubscriptionArn");
        if (!arn.startsWith("arn:")) {
            throw SnsError.invalidParameter("Invalid parameter: SubscriptionArn");
        }
        registry.unsubscribe(arn);
        return null;
    }

    private String listSubscriptions(SnsRequest request) {
        return page(registry.subscriptions(), request);
    }

    private String listSubscriptionsByTopic(SnsRequest request) {
        String topicArn = request.required("TopicArn");
        registry.requireTopic(topicArn);
        return page(registry.subscriptionsOf(topicArn), request);
    }

    private String getSubscriptionAttributes(SnsRequest request) {
        Subscription subscription = registry.requireSubscription(request.required("SubscriptionArn"));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("SubscriptionArn", subscription.arn());
        attributes.put("TopicArn", subscription.topicArn());
        attributes.put("Owner", registry.accountId());
        attributes.put("Protocol", subscription.protocol());
        attributes.put("Endpoint", subscription.endpoint());
        attributes.put("ConfirmationWasAuthenticated", "true");
        attributes.put("PendingConfirmation", "false");
        attributes.put(Subscription.RAW_MESSAGE_DELIVERY, Boolean.toString(subscription.rawMessageDelivery()));
        if (subscription.filterPolicy().isPresent()) {
            attributes.put(Subscription.FILTER_POLICY_SCOPE, Subscription.SCOPE_MESSAGE_ATTRIBUTES);
        }
        attributes.putAll(subscription.attributes());
        return "<Attributes>" + entries(attributes) + "</Attributes>";
    }

    private String setSubscriptionAttributes(SnsRequest request) {
        String arn = request.required("SubscriptionArn");
        String name = request.required("AttributeName");
        registry.requireSubscription(arn);
        registry.setSubscriptionAttribute(arn, name, validated(name, request.optional("AttributeValue").orElse("")));
        return null;
    }

    /** Checks a subscription attribute like SNS; returns the value to store, or null to remove it. */
    private static String validated(String name, String value) {
        if (!ATTRIBUTE_NAMES.contains(name)) {
            throw SnsError.invalidParameter("Invalid parameter: AttributeName Reason: " + name
                    + " is not a subscription attribute");
        }
        switch (name) {
            case Subscription.RAW_MESSAGE_DELIVERY -> {
                String normalized = value.toLowerCase(Locale.ROOT);
                if (!normalized.equals("true") && !normalized.equals("false")) {
                    throw SnsError.invalidParameter("Invalid parameter: Attributes Reason: RawMessageDelivery: "
                            + "Invalid value [" + value + "]. Must be true or false.");
                }
                return normalized;
            }
            case Subscription.FILTER_POLICY -> {
                try {
                    return FilterPolicyMatcher.isEmptyPolicy(value) ? null : value;
                } catch (IllegalArgumentException e) {
                    throw SnsError.invalidParameter("Invalid parameter: " + e.getMessage());
                }
            }
            case Subscription.FILTER_POLICY_SCOPE -> {
                if (!value.equals(Subscription.SCOPE_MESSAGE_ATTRIBUTES) && !value.equals(Subscription.SCOPE_MESSAGE_BODY)) {
                    throw SnsError.invalidParameter("Invalid parameter: Attributes Reason: FilterPolicyScope: "
                            + "Invalid value [" + value + "]. Please use either MessageBody or MessageAttributes");
                }
                return value;
            }
            default -> {
                return value;
            }
        }
    }

    private String page(List<Subscription> subscriptions, SnsRequest request) {
        int from = TopicActions.pageStart(request.optional("NextToken").orElse("0"), subscriptions.size());
        int to = Math.min(from + PAGE_SIZE, subscriptions.size());
        StringBuilder xml = new StringBuilder("<Subscriptions>");
        subscriptions.subList(from, to).forEach(subscription -> xml.append("<member>")
                .append(element("TopicArn", subscription.topicArn()))
                .append(element("Protocol", subscription.protocol()))
                .append(element("SubscriptionArn", subscription.arn()))
                .append(element("Owner", registry.accountId()))
                .append(element("Endpoint", subscription.endpoint()))
                .append("</member>"));
        xml.append("</Subscriptions>");
        if (to < subscriptions.size()) {
            xml.append(element("NextToken", Integer.toString(to)));
        }
        return xml.toString();
    }
}
