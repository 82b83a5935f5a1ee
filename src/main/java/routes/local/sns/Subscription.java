package routes.local.sns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A confirmed subscription with the attributes a caller set on it (RawMessageDelivery, FilterPolicy,
 * FilterPolicyScope, ...); immutable, replaced on change.
 */
record Subscription(String arn, String topicArn, String protocol, String endpoint, Map<String, String> attributes) {

    static final String RAW_MESSAGE_DELIVERY = "RawMessageDelivery";
    static final String FILTER_POLICY = "FilterPolicy";
    static final String FILTER_POLICY_SCOPE = "FilterPolicyScope";
    static final String SCOPE_MESSAGE_ATTRIBUTES = "MessageAttributes";
    static final String SCOPE_MESSAGE_BODY = "MessageBody";

    Subscription {
        attributes = Map.copyOf(attributes == null ? Map.of() : attributes);
    }

    boolean rawMessageDelivery() {
        return "true".equalsIgnoreCase(attributes.get(RAW_MESSAGE_DELIVERY));
    }

    Optional<String> filterPolicy() {
        return Optional.ofNullable(attributes.get(FILTER_POLICY));
    }

    boolean filtersOnMessageBody() {
        return SCOPE_MESSAGE_BODY.equals(attributes.get(FILTER_POLICY_SCOPE));
    }

    /** A copy with the attribute set; a null value removes it. */
    Subscription withAttribute(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(attributes);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return new Subscription(arn, topicArn, protocol, endpoint, changed);
    }
}
