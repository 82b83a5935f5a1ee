package routes.local.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sns.model.Topic;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One set of SNS-to-SQS checks, run against every SNS implementation the project uses locally
 * (subclasses provide the clients). What a check asserts is what AWS does; an implementation that
 * deviates from AWS skips that check with an assumption that says why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SnsSqsContract {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIRMED_OR_CANCELLED = "{\"type\":[\"order.confirmed\",\"order.cancelled\"]}";

    protected abstract SnsClient sns();

    protected abstract SqsClient sqs();

    /** Where this implementation is known to differ from AWS; the checks concerned are skipped for it. */
    protected Set<AwsDeviation> knownDeviations() {
        return Set.of();
    }

    /** Behaviours of AWS that an emulator may not reproduce, each with what AWS does. */
    enum AwsDeviation {
        ENVELOPE_SUBJECT_WITHOUT_SUBJECT("AWS leaves Subject out of the notification envelope when none was published"),
        SUBSCRIPTIONS_OF_UNKNOWN_TOPIC_LISTED("AWS answers ListSubscriptionsByTopic on an unknown topic with NotFound (404)");

        final String aws;

        AwsDeviation(String aws) {
            this.aws = aws;
        }
    }

    private void assumeLikeAws(AwsDeviation deviation) {
        assumeTrue(!knownDeviations().contains(deviation), () -> getClass().getSimpleName() + " deviates: " + deviation.aws);
    }

    @Test
    void creatingATopicTwiceReturnsTheSameArnAndListsIt() {
        String name = unique("orders");

        String first = sns().createTopic(r -> r.name(name)).topicArn();
        String second = sns().createTopic(r -> r.name(name)).topicArn();

        assertThat(second).isEqualTo(first);
        assertThat(first).startsWith("arn:aws:sns:us-east-1:").endsWith(":" + name);
        assertThat(allTopicArns()).containsOnlyOnce(first);
    }

    @Test
    void publishedEventReachesEveryRawSubscriberWithBodyAndAttributes() {
        OrderTopic orders = orderTopicWithFilteredAndUnfilteredQueues();
        String body = "{\"orderId\":\"o-1\",\"status\":\"CONFIRMED\"}";

        sns().publish(r -> r.topicArn(orders.topicArn()).message(body).messageAttributes(Map.of(
                "type", text("order.confirmed"),
                "orderId", text("o-1"),
                "amount", number("42.5"))));

        for (TestQueue queue : List.of(orders.everything(), orders.confirmedOrCancelled())) {
            Message message = awaitMessages(queue, 1).get(0);
            assertThat(message.body()).isEqualTo(body);
            assertThat(message.messageAttributes()).containsOnlyKeys("type", "orderId", "amount");
            assertThat(message.messageAttributes().get("type").stringValue()).isEqualTo("order.confirmed");
            assertThat(message.messageAttributes().get("type").dataType()).isEqualTo("String");
            assertThat(message.messageAttributes().get("orderId").stringValue()).isEqualTo("o-1");
            assertThat(message.messageAttributes().get("amount").dataType()).isEqualTo("Number");
            assertThat(message.messageAttributes().get("amount").stringValue()).isEqualTo("42.5");
        }
    }

    @Test
    void filteredQueueReceivesOnlyConfirmedOrCancelledEvents() {
        OrderTopic orders = orderTopicWithFilteredAndUnfilteredQueues();

        publishWithType(orders.topicArn(), "created", "order.created");
        publishWithType(orders.topicArn(), "cancelled", "order.cancelled");

        assertThat(bodies(awaitMessages(orders.everything(), 2))).containsExactlyInAnyOrder("created", "cancelled");
        assertThat(bodies(awaitMessages(orders.confirmedOrCancelled(), 1))).containsExactly("cancelled");
        assertStaysEmpty(orders.confirmedOrCancelled());
    }

    @Test
    void anythingButFilterSkipsExcludedValuesAndMessagesWithoutTheAttribute() {
        String topicArn = createTopic("anything-but");
        TestQueue everything = createQueue("everything");
        TestQueue notCreatedList = createQueue("not-created-list");
        TestQueue notCreatedValue = createQueue("not-created-value");
        subscribe(topicArn, everything, raw());
        subscribe(topicArn, notCreatedList, raw("{\"type\":[{\"anything-but\":[\"order.created\",\"order.draft\"]}]}"));
        subscribe(topicArn, notCreatedValue, raw("{\"type\":[{\"anything-but\":\"order.created\"}]}"));

        publishWithType(topicArn, "created", "order.created");
        publishWithType(topicArn, "draft", "order.draft");
        publishWithType(topicArn, "confirmed", "order.confirmed");
        sns().publish(r -> r.topicArn(topicArn).message("untyped")
                .messageAttributes(Map.of("source", text("legacy"))));

        assertThat(awaitMessages(everything, 4)).hasSize(4);
        assertThat(bodies(awaitMessages(notCreatedList, 1))).containsExactly("confirmed");
        assertThat(bodies(awaitMessages(notCreatedValue, 2))).containsExactlyInAnyOrder("draft", "confirmed");
        assertStaysEmpty(notCreatedList);
        assertStaysEmpty(notCreatedValue);
    }

    @Test
    void prefixAndExistsFiltersSelectByAttributeShape() {
        String topicArn = createTopic("prefix-exists");
        TestQueue everything = createQueue("everything");
        TestQueue orderEvents = createQueue("order-prefix");
        TestQueue withoutTenant = createQueue("no-tenant");
        subscribe(topicArn, everything, raw());
        subscribe(topicArn, orderEvents, raw("{\"type\":[{\"prefix\":\"order.\"}]}"));
        subscribe(topicArn, withoutTenant, raw("{\"tenant\":[{\"exists\":false}]}"));

        publishWithType(topicArn, "order", "order.created");
        sns().publish(r -> r.topicArn(topicArn).message("payment")
                .messageAttributes(Map.of("type", text("payment.settled"), "tenant", text("t-1"))));

        assertThat(awaitMessages(everything, 2)).hasSize(2);
        assertThat(bodies(awaitMessages(orderEvents, 1))).containsExactly("order");
        assertThat(bodies(awaitMessages(withoutTenant, 1))).containsExactly("order");
        assertStaysEmpty(orderEvents);
        assertStaysEmpty(withoutTenant);
    }

    @Test
    void nonRawSubscriptionReceivesTheNotificationEnvelope() throws Exception {
        String topicArn = createTopic("envelope");
        TestQueue queue = createQueue("envelope");
        subscribe(topicArn, queue, Map.of());
        String body = "{\"orderId\":\"o-7\"}";

        String messageId = sns().publish(r -> r.topicArn(topicArn).message(body)
                .messageAttributes(Map.of("type", text("order.confirmed"), "amount", number("3")))).messageId();

        Message message = awaitMessages(queue, 1).get(0);
        assertThat(message.messageAttributes()).as("SQS message attributes of an enveloped delivery").isEmpty();
        JsonNode envelope = JSON.readTree(message.body());
        assertThat(envelope.path("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.path("MessageId").asText()).isEqualTo(messageId);
        assertThat(envelope.path("TopicArn").asText()).isEqualTo(topicArn);
        assertThat(envelope.path("Message").asText()).isEqualTo(body);
        assertThat(Instant.parse(envelope.path("Timestamp").asText())).isBefore(Instant.now().plusSeconds(5));
        assertThat(envelope.path("Timestamp").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(envelope.path("SignatureVersion").asText()).isNotEmpty();
        assertThat(envelope.path("UnsubscribeURL").asText()).isNotEmpty();
        assertThat(envelope.path("MessageAttributes").path("type").path("Type").asText()).isEqualTo("String");
        assertThat(envelope.path("MessageAttributes").path("type").path("Value").asText()).isEqualTo("order.confirmed");
        assertThat(envelope.path("MessageAttributes").path("amount").path("Type").asText()).isEqualTo("Number");
        assertThat(envelope.path("MessageAttributes").path("amount").path("Value").asText()).isEqualTo("3");
    }

    @Test
    void envelopeCarriesTheSubjectOnlyWhenOneWasPublished() throws Exception {
        assumeLikeAws(AwsDeviation.ENVELOPE_SUBJECT_WITHOUT_SUBJECT);
        String topicArn = createTopic("subject");
        TestQueue queue = createQueue("subject");
        subscribe(topicArn, queue, Map.of());

        sns().publish(r -> r.topicArn(topicArn).message("with").subject("Order confirmed"));
        sns().publish(r -> r.topicArn(topicArn).message("without"));

        Map<String, JsonNode> envelopesByMessage = new LinkedHashMap<>();
        for (Message message : awaitMessages(queue, 2)) {
            JsonNode envelope = JSON.readTree(message.body());
            envelopesByMessage.put(envelope.path("Message").asText(), envelope);
        }
        assertThat(envelopesByMessage.get("with").path("Subject").asText()).isEqualTo("Order confirmed");
        assertThat(envelopesByMessage.get("without").has("Subject")).as("Subject field present").isFalse();
    }

    @Test
    void binaryAndStringArrayAttributesPassThroughRawDelivery() {
        String topicArn = createTopic("attribute-types");
        TestQueue queue = createQueue("attribute-types");
        subscribe(topicArn, queue, raw());
        byte[] signature = {0, 1, 2, (byte) 0xff};

        sns().publish(r -> r.topicArn(topicArn).message("typed").messageAttributes(Map.of(
                "signature", MessageAttributeValue.builder().dataType("Binary")
                        .binaryValue(SdkBytes.fromByteArray(signature)).build(),
                "regions", MessageAttributeValue.builder().dataType("String.Array")
                        .stringValue("[\"eu\",\"us\"]").build())));

        Message message = awaitMessages(queue, 1).get(0);
        assertThat(message.messageAttributes().get("signature").dataType()).isEqualTo("Binary");
        assertThat(message.messageAttributes().get("signature").binaryValue().asByteArray()).isEqualTo(signature);
        assertThat(message.messageAttributes().get("regions").dataType()).isEqualTo("String.Array");
        assertThat(message.messageAttributes().get("regions").stringValue()).isEqualTo("[\"eu\",\"us\"]");
    }

    @Test
    void publishBatchDeliversEveryEntryAndReportsEachId() {
        String topicArn = createTopic("batch");
        TestQueue queue = createQueue("batch");
        subscribe(topicArn, queue, raw());
        List<PublishBatchRequestEntry> entries = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> PublishBatchRequestEntry.builder().id("entry-" + i).message("event-" + i)
                        .messageAttributes(Map.of("type", text("order.confirmed"), "sequence", number(Integer.toString(i))))
                        .build())
                .toList();

        PublishBatchResponse response = sns().publishBatch(r -> r.topicArn(topicArn).publishBatchRequestEntries(entries));

        assertThat(response.failed()).isEmpty();
        assertThat(response.successful()).extracting(PublishBatchResultEntry::id)
                .containsExactlyInAnyOrder("entry-1", "entry-2", "entry-3", "entry-4", "entry-5");
        assertThat(response.successful()).extracting(PublishBatchResultEntry::messageId).doesNotContainNull().doesNotHaveDuplicates();
        List<Message> messages = awaitMessages(queue, 5);
        assertThat(bodies(messages)).containsExactlyInAnyOrder("event-1", "event-2", "event-3", "event-4", "event-5");
        messages.forEach(message -> assertThat(message.messageAttributes().get("sequence").stringValue())
                .isEqualTo(message.body().substring("event-".length())));
    }

    @Test
    void subscriptionAttributesRoundTripAndTakeEffect() throws Exception {
        String topicArn = createTopic("attributes");
        TestQueue queue = createQueue("attributes");
        String subscriptionArn = subscribe(topicArn, queue, Map.of());

        Map<String, String> initial = sns().getSubscriptionAttributes(r -> r.subscriptionArn(subscriptionArn)).attributes();
        assertThat(initial).containsEntry("SubscriptionArn", subscriptionArn).containsEntry("TopicArn", topicArn)
                .containsEntry("Protocol", "sqs").containsEntry("Endpoint", queue.arn())
                .containsEntry("RawMessageDelivery", "false").doesNotContainKey("FilterPolicy");

        sns().setSubscriptionAttributes(r -> r.subscriptionArn(subscriptionArn)
                .attributeName("RawMessageDelivery").attributeValue("true"));
        sns().setSubscriptionAttributes(r -> r.subscriptionArn(subscriptionArn)
                .attributeName("FilterPolicy").attributeValue(CONFIRMED_OR_CANCELLED));

        Map<String, String> changed = sns().getSubscriptionAttributes(r -> r.subscriptionArn(subscriptionArn)).attributes();
        assertThat(changed).containsEntry("RawMessageDelivery", "true");
        assertThat(JSON.readTree(changed.get("FilterPolicy"))).isEqualTo(JSON.readTree(CONFIRMED_OR_CANCELLED));

        publishWithType(topicArn, "created", "order.created");
        publishWithType(topicArn, "confirmed", "order.confirmed");
        Message delivered = awaitMessages(queue, 1).get(0);
        assertThat(delivered.body()).isEqualTo("confirmed");
        assertThat(delivered.messageAttributes().get("type").stringValue()).isEqualTo("order.confirmed");
        assertStaysEmpty(queue);
    }

    @Test
    void listSubscriptionsByTopicShowsEverySubscription() {
        String topicArn = createTopic("listing");
        TestQueue first = createQueue("first");
        TestQueue second = createQueue("second");
        String firstArn = subscribe(topicArn, first, raw());
        String secondArn = subscribe(topicArn, second, Map.of());

        List<Subscription> subscriptions = sns().listSubscriptionsByTopic(r -> r.topicArn(topicArn)).subscriptions();

        assertThat(subscriptions).extracting(Subscription::subscriptionArn).containsExactlyInAnyOrder(firstArn, secondArn);
        assertThat(subscriptions).extracting(Subscription::endpoint).containsExactlyInAnyOrder(first.arn(), second.arn());
        assertThat(subscriptions).allSatisfy(subscription -> {
            assertThat(subscription.protocol()).isEqualTo("sqs");
            assertThat(subscription.topicArn()).isEqualTo(topicArn);
        });
    }

    @Test
    void listingSubscriptionsOfAnUnknownTopicFailsWithNotFound() {
        assumeLikeAws(AwsDeviation.SUBSCRIPTIONS_OF_UNKNOWN_TOPIC_LISTED);
        String topicArn = createTopic("gone");
        sns().deleteTopic(r -> r.topicArn(topicArn));

        assertThatThrownBy(() -> sns().listSubscriptionsByTopic(r -> r.topicArn(topicArn)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void topicAttributesCountConfirmedSubscriptions() {
        String topicArn = createTopic("topic-attributes");
        subscribe(topicArn, createQueue("first"), raw());
        subscribe(topicArn, createQueue("second"), Map.of());

        Map<String, String> attributes = sns().getTopicAttributes(r -> r.topicArn(topicArn)).attributes();

        assertThat(attributes).containsEntry("TopicArn", topicArn).containsEntry("SubscriptionsConfirmed", "2")
                .containsEntry("SubscriptionsPending", "0");
    }

    @Test
    void subscribingTheSameQueueTwiceReturnsTheSameSubscription() {
        String topicArn = createTopic("idempotent-subscribe");
        TestQueue queue = createQueue("idempotent");

        String first = subscribe(topicArn, queue, raw());
        String second = subscribe(topicArn, queue, raw());

        assertThat(second).isEqualTo(first);
        assertThat(sns().listSubscriptionsByTopic(r -> r.topicArn(topicArn)).subscriptions()).hasSize(1);
    }

    @Test
    void unsubscribeStopsDelivery() {
        String topicArn = createTopic("unsubscribe");
        TestQueue kept = createQueue("kept");
        TestQueue dropped = createQueue("dropped");
        subscribe(topicArn, kept, raw());
        String droppedArn = subscribe(topicArn, dropped, raw());

        sns().unsubscribe(r -> r.subscriptionArn(droppedArn));
        publishWithType(topicArn, "after-unsubscribe", "order.confirmed");

        assertThat(bodies(awaitMessages(kept, 1))).containsExactly("after-unsubscribe");
        assertStaysEmpty(dropped);
        assertThat(sns().listSubscriptionsByTopic(r -> r.topicArn(topicArn)).subscriptions())
                .extracting(Subscription::subscriptionArn).doesNotContain(droppedArn);
    }

    @Test
    void deletedTopicIsNoLongerListedNorPublishable() {
        String topicArn = createTopic("deleted");
        subscribe(topicArn, createQueue("deleted"), raw());

        sns().deleteTopic(r -> r.topicArn(topicArn));

        assertThat(allTopicArns()).doesNotContain(topicArn);
        assertThatThrownBy(() -> sns().publish(r -> r.topicArn(topicArn).message("too late")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void publishingToAnUnknownTopicFailsWithNotFound() {
        String unknown = createTopic("short-lived").replace("short-lived", "never-created");

        assertThatThrownBy(() -> sns().publish(r -> r.topicArn(unknown).message("lost")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotFound");
                    assertThat(e.statusCode()).isEqualTo(404);
                });
    }

    // ---- helpers

    /** Two raw subscribers: one sees everything, one only order.confirmed / order.cancelled. */
    private OrderTopic orderTopicWithFilteredAndUnfilteredQueues() {
        String topicArn = createTopic("order-events");
        TestQueue everything = createQueue("all-order-events");
        TestQueue confirmedOrCancelled = createQueue("confirmed-or-cancelled");
        subscribe(topicArn, everything, raw());
        subscribe(topicArn, confirmedOrCancelled, raw(CONFIRMED_OR_CANCELLED));
        return new OrderTopic(topicArn, everything, confirmedOrCancelled);
    }

    private record OrderTopic(String topicArn, TestQueue everything, TestQueue confirmedOrCancelled) {
    }

    record TestQueue(String url, String arn) {
    }

    protected String createTopic(String prefix) {
        return sns().createTopic(r -> r.name(unique(prefix))).topicArn();
    }

    /** The ARN comes from GetQueueAttributes, never assembled, so each emulator's own format is used. */
    protected TestQueue createQueue(String prefix) {
        String url = sqs().createQueue(r -> r.queueName(unique(prefix))).queueUrl();
        String arn = sqs().getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new TestQueue(url, arn);
    }

    protected String subscribe(String topicArn, TestQueue queue, Map<String, String> attributes) {
        return sns().subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queue.arn())
                .attributes(attributes).returnSubscriptionArn(true)).subscriptionArn();
    }

    protected static Map<String, String> raw() {
        return Map.of("RawMessageDelivery", "true");
    }

    protected static Map<String, String> raw(String filterPolicy) {
        Map<String, String> attributes = new LinkedHashMap<>(raw());
        attributes.put("FilterPolicy", filterPolicy);
        return attributes;
    }

    protected void publishWithType(String topicArn, String body, String type) {
        sns().publish(r -> r.topicArn(topicArn).message(body).messageAttributes(Map.of("type", text(type))));
    }

    protected static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    protected static MessageAttributeValue number(String value) {
        return MessageAttributeValue.builder().dataType("Number").stringValue(value).build();
    }

    /** Receives until exactly {@code count} messages have arrived (they stay in flight, so none is seen twice). */
    protected List<Message> awaitMessages(TestQueue queue, int count) {
        List<Message> received = new CopyOnWriteArrayList<>();
        await("%d message(s) on %s".formatted(count, queue.url()))
                .atMost(DELIVERY_TIMEOUT)
                .until(() -> {
                    received.addAll(receive(queue, 1));
                    return received.size() >= count;
                });
        assertThat(received).as("messages on %s", queue.url()).hasSize(count);
        return new ArrayList<>(received);
    }

    /** Called after another queue got its copy of the same publish, so a filtered-out message had its chance. */
    protected void assertStaysEmpty(TestQueue queue) {
        assertThat(receive(queue, 1)).as("messages on %s", queue.url()).isEmpty();
    }

    private List<Message> receive(TestQueue queue, int waitSeconds) {
        return sqs().receiveMessage(r -> r.queueUrl(queue.url()).maxNumberOfMessages(10)
                .waitTimeSeconds(waitSeconds).messageAttributeNames("All")).messages();
    }

    private List<String> allTopicArns() {
        return sns().listTopicsPaginator(r -> { }).topics().stream().map(Topic::topicArn).toList();
    }

    private static List<String> bodies(List<Message> messages) {
        return messages.stream().map(Message::body).toList();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
