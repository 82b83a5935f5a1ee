package routes.local.sns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The stand-in's topics and subscriptions. Every method is synchronized, and every change is written
 * to the state file (when there is one) before the method returns; readers get immutable snapshots, so
 * a publish fans out without holding the lock.
 */
final class TopicRegistry {

    private final String region;
    private final String accountId;
    private final TopicStateFile stateFile;
    private final Map<String, Topic> topicsByArn = new LinkedHashMap<>();
    private final Map<String, Subscription> subscriptionsByArn = new LinkedHashMap<>();

    /** @param stateFile where to keep the state, or null to keep it in memory only */
    TopicRegistry(String region, String accountId, TopicStateFile stateFile) {
        this.region = region;
        this.accountId = accountId;
        this.stateFile = stateFile;
    }

    synchronized void load() {
        if (stateFile == null) {
            return;
        }
        stateFile.load().ifPresent(state -> {
            state.topics().forEach(topic -> topicsByArn.put(topic.arn(), topic));
            state.subscriptions().stream()
                    .filter(subscription -> topicsByArn.containsKey(subscription.topicArn()))
                    .forEach(subscription -> subscriptionsByArn.put(subscription.arn(), subscription));
        });
    }

    String accountId() {
        return accountId;
    }

    /** Returns the existing topic of that name unless the given attributes contradict it, like SNS. */
    synchronized Topic createTopic(String name, Map<String, String> attributes) {
        String arn = "arn:aws:sns:" + region + ":" + accountId + ":" + name;
        Topic existing = topicsByArn.get(arn);
        if (existing != null) {
            if (contradicts(existing.attributes(), attributes)) {
                throw SnsError.invalidParameter(
                        "Invalid parameter: Attributes Reason: Topic already exists with different attributes");
            }
            return existing;
        }
        Topic topic = new Topic(name, arn, attributes);
        topicsByArn.put(arn, topic);
        persist();
        return topic;
    }

    synchronized List<Topic> topics() {
        return List.copyOf(topicsByArn.values());
    }

    synchronized Optional<Topic> topic(String arn) {
        return Optional.ofNullable(topicsByArn.get(arn));
    }

    synchronized Topic requireTopic(String arn) {
        return topic(arn).orElseThrow(() -> SnsError.notFound("Topic does not exist"));
    }

    /** Deleting a topic that does not exist succeeds, as in SNS. Its subscriptions go with it. */
    synchronized void deleteTopic(String arn) {
        if (topicsByArn.remove(arn) != null) {
            subscriptionsByArn.values().removeIf(subscription -> subscription.topicArn().equals(arn));
            persist();
        }
    }

    synchronized Topic setTopicAttribute(String arn, String name, String value) {
        Topic changed = requireTopic(arn).withAttribute(name, value);
        topicsByArn.put(arn, changed);
        persist();
        return changed;
    }

    /** Subscribing the same endpoint twice returns the first subscription unless the attributes contradict it. */
    synchronized Subscription subscribe(String topicArn, String protocol, String endpoint, Map<String, String> attributes) {
        requireTopic(topicArn);
        for (Subscription existing : subscriptionsByArn.values()) {
            if (existing.topicArn().equals(topicArn) && existing.protocol().equals(protocol)
                    && existing.endpoint().equals(endpoint)) {
                if (contradicts(existing.attributes(), attributes)) {
                    throw SnsError.invalidParameter(
                            "Invalid parameter: Attributes Reason: Subscription already exists with different attributes");
                }
                return existing;
            }
        }
        Subscription subscription = new Subscription(topicArn + ":" + UUID.randomUUID(), topicArn, protocol, endpoint,
                attributes);
        subscriptionsByArn.put(subscription.arn(), subscription);
        persist();
        return subscription;
    }

    /** Unsubscribing an unknown subscription succeeds, as in SNS. */
    synchronized void unsubscribe(String subscriptionArn) {
        if (subscriptionsByArn.remove(subscriptionArn) != null) {
            persist();
        }
    }

    synchronized Subscription requireSubscription(String arn) {
        Subscription subscription = subscriptionsByArn.get(arn);
        if (subscription == null) {
            throw SnsError.notFound("Subscription does not exist");
        }
        return subscription;
    }

    synchronized List<Subscription> subscriptions() {
        return List.copyOf(subscriptionsByArn.values());
    }

    synchronized List<Subscription> subscriptionsOf(String topicArn) {
        List<Subscription> result = new ArrayList<>();
        for (Subscription subscription : subscriptionsByArn.values()) {
            if (subscription.topicArn().equals(topicArn)) {
                result.add(subscription);
            }
        }
        return List.copyOf(result);
    }

    /** Sets an attribute; a null value removes it. */
    synchronized Subscription setSubscriptionAttribute(String arn, String name, String value) {
        Subscription changed = requireSubscription(arn).withAttribute(name, value);
        subscriptionsByArn.put(arn, changed);
        persist();
        return changed;
    }

    private static boolean contradicts(Map<String, String> existing, Map<String, String> requested) {
        return requested.entrySet().stream()
                .anyMatch(entry -> !Objects.equals(existing.get(entry.getKey()), entry.getValue()));
    }

    private void persist() {
        if (stateFile != null) {
            stateFile.save(new TopicStateFile.State(topics(), subscriptions()));
        }
    }
}
