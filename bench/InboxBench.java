import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import routes.aws.resources.ResourceNames;
import routes.inbox.InboundEvents;
import routes.inbox.InboxMetrics;
import routes.inbox.InboxProperties;
import routes.inbox.InboxRepository;
import routes.orderview.OrderViewConsumer;
import routes.orderview.OrderViewProjection;
import routes.orderview.OrderViewStore;
import routes.outbox.CloudEventMapper;
import routes.outbox.OutboxEvent;
import routes.outbox.OutboxProperties;
import routes.timeline.TimelineJournal;
import routes.timeline.TimelineProperties;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The order-view consumer's throughput with the DynamoDB inbox against the same route without it
 * (rounds alternating, each draining a queue preloaded with the same number of events), and the
 * latency the inbox adds per message (claim + confirm), p50 and p99.
 *
 * Usage: java -cp CLASSPATH bench/InboxBench.java DYNAMODB_URL SQS_URL EVENTS ROUNDS
 */
public class InboxBench {

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        DynamoDbClient dynamoDb = client(DynamoDbClient.builder(), args[0]);
        SqsClient sqs = client(SqsClient.builder(), args[1]);
        int events = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);

        ResourceNames names = new Binder(new MapConfigurationPropertySource()).bindOrCreate("app.resources", ResourceNames.class);
        InboxRepository inbox = new InboxRepository(dynamoDb, names, new InboxProperties(Duration.ofSeconds(60),
                Duration.ofDays(7), 3, Duration.ofMillis(200), Duration.ofSeconds(5), 4, Duration.ofSeconds(1),
                Duration.ofSeconds(20), 5, Duration.ofMillis(200)), Clock.systemUTC());
        InboundEvents intake = new InboundEvents(OrderViewConsumer.DECLARATION.eventTypes());
        OrderViewProjection projection = new OrderViewProjection(new OrderViewStore(dynamoDb, names),
                new InboxMetrics(new SimpleMeterRegistry(), new TimelineJournal(dynamoDb, names,
                        new TimelineProperties(Duration.ofDays(7), Duration.ofSeconds(2)), Clock.systemUTC())));
        CloudEventMapper mapper = new CloudEventMapper(new OutboxProperties("/camel-saga-outbox", Duration.ofHours(24),
                Duration.ofSeconds(5), Duration.ofSeconds(5), 500, 10, Duration.ofMillis(500), 3, Duration.ofMillis(200),
                Duration.ofSeconds(5)));
        String withUrl = sqs.createQueue(b -> b.queueName("bench-with-inbox")).queueUrl();
        String withoutUrl = sqs.createQueue(b -> b.queueName("bench-without-inbox")).queueUrl();

        AtomicReference<CountDownLatch> processed = new AtomicReference<>();
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("sqsClient", sqs);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                String options = "?concurrentConsumers=4&maxMessagesPerPoll=10&waitTimeSeconds=1";
                from("aws2-sqs:bench-with-inbox" + options).routeId("with-inbox").autoStartup(false)
                        .bean(intake, "parse")
                        .idempotentConsumer(simple("bench#${body.id()}"), inbox)
                            .bean(projection, "apply")
                        .end()
                        .process(e -> processed.get().countDown());
                from("aws2-sqs:bench-without-inbox" + options).routeId("without-inbox").autoStartup(false)
                        .bean(intake, "parse")
                        .bean(projection, "apply")
                        .process(e -> processed.get().countDown());
            }
        });
        camel.start();

        List<Double> with = new ArrayList<>();
        List<Double> without = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            double withRate = drain(camel, "with-inbox", sqs, withUrl, mapper, events, processed);
            double withoutRate = drain(camel, "without-inbox", sqs, withoutUrl, mapper, events, processed);
            if (round == 0) {
                System.out.println("warm-up round done");
                continue;
            }
            with.add(withRate);
            without.add(withoutRate);
            System.out.printf("round %d: with inbox %.0f msg/s, without %.0f msg/s%n", round, withRate, withoutRate);
        }

        List<Long> added = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            String key = "bench-latency#" + UUID.randomUUID();
            long start = System.nanoTime();
            inbox.confirm(key, inbox.claim(key));
            added.add((System.nanoTime() - start) / 1000);
        }
        Collections.sort(added);
        camel.stop();

        System.out.printf("%nEvents per round %d, rounds %d, 4 consumer threads%n", events, rounds);
        System.out.printf("order-view route with the inbox:    median %.0f msg/s%n", median(with));
        System.out.printf("same route without the inbox:       median %.0f msg/s%n", median(without));
        System.out.printf("ratio with / without: %.2f%n", median(with) / median(without));
        System.out.printf("latency the inbox adds per message (claim + confirm): p50 %.1f ms, p99 %.1f ms%n",
                added.get(added.size() / 2) / 1000.0, added.get((int) Math.ceil(added.size() * 0.99) - 1) / 1000.0);
        System.exit(0);
    }

    static double drain(CamelContext camel, String route, SqsClient sqs, String queueUrl, CloudEventMapper mapper, int events,
            AtomicReference<CountDownLatch> processed) throws Exception {
        List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            String orderId = "inbox-bench-" + UUID.randomUUID();
            OutboxEvent event = new OutboxEvent(UUID.randomUUID().toString(), "order.created", "order", orderId, 1, orderId,
                    null, Instant.now(), "{\"orderId\":\"" + orderId + "\",\"customerId\":\"bench\",\"total\":1}");
            batch.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(batch.size())).messageBody(mapper.toJson(event)).build());
            if (batch.size() == 10 || i == events - 1) {
                List<SendMessageBatchRequestEntry> entries = List.copyOf(batch);
                sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
                batch.clear();
            }
        }
        processed.set(new CountDownLatch(events));
        long start = System.nanoTime();
        camel.getRouteController().startRoute(route);
        if (!processed.get().await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException(route + " did not drain its queue");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        camel.getRouteController().stopRoute(route);
        return events / seconds;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static <B extends AwsClientBuilder<B, C>, C> C client(B builder, String endpoint) {
        return builder.region(Region.US_EAST_1).endpointOverride(URI.create(endpoint))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }
}
