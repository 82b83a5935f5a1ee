package routes.outbox;

import static org.apache.camel.support.builder.PredicateBuilder.not;

import java.util.ArrayList;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The log-trailing relay: the outbox table's stream, published to SNS as CloudEvents. The stream
 * is the fast path; the sweeper, which republishes whatever is still pending, is the guarantee
 * (the stream consumer keeps its position only in memory and moves past failed records). Both run
 * on one instance at a time: the leader of the {@code outbox-relay} cluster namespace.
 */
@Component
public class OutboxRelayRoute extends RouteBuilder {

    /** The stream consumer's route, restarted by {@link OutboxStreamRecovery} when its position is lost. */
    public static final String RELAY_ROUTE = "outbox-relay";
    /** The cluster namespace whose leader runs the stream consumer and the sweeper. */
    static final String LEADER_NAMESPACE = "outbox-relay";
    static final String PUBLISH = "seda:outbox-publish";

    private final OutboxProperties settings;

    public OutboxRelayRoute(OutboxProperties settings) {
        this.settings = settings;
    }

    @Override
    public void configure() {
        from("master:" + LEADER_NAMESPACE + ":aws2-ddbstream:{{app.resources.outbox-table}}"
                + "?delay=" + settings.streamPollDelay().toMillis() + "&pollStrategy=#outboxStreamRecovery")
                .routeId(RELAY_ROUTE)
                .description("Reads new outbox events from the table's stream and batches them for SNS")
                .filter(not(method(OutboxStreamRecords.class, "isNewEvent"))).id("not-a-new-event")
                    .bean(OutboxStreamRecords.class, "skip").id("skip-record")
                    .stop().id("stop-skipped-record")
                .end()
                .bean(OutboxStreamRecords.class, "toEvent").id("to-outbox-event")
                .aggregate(constant(true), AggregationStrategies.flexible(OutboxEvent.class)
                        .accumulateInCollection(ArrayList.class)).id("batch-events")
                    .completionSize(settings.batchSize())
                    .completionTimeout(50)
                    // One publisher thread keeps each aggregate's events in commit order.
                    .to(PUBLISH).id("hand-to-publisher")
                .end();

        from(PUBLISH + "?concurrentConsumers=1").routeId("outbox-publish")
                .description("Publishes a batch of outbox events to SNS and marks them published")
                .routeConfigurationId(OutboxRouteConfigurations.OUTBOX_PUBLISH)
                .bean(OutboxPublisher.class, "publishFromStream").id("publish-to-sns");

        from("master:" + LEADER_NAMESPACE + ":timer:outbox-sweeper?period=" + settings.sweepInterval().toMillis())
                .routeId("outbox-sweeper")
                .description("Republishes outbox events still pending: the relay's delivery guarantee")
                .routeConfigurationId(OutboxRouteConfigurations.OUTBOX_PUBLISH)
                .bean(OutboxSweeper.class, "pendingEvents").id("find-pending-events")
                .filter(simple("${body.size} > 0")).id("any-pending-events")
                    .log(LoggingLevel.INFO, "Sweeper republishing ${body.size} outbox events still pending").id("log-republishing")
                    .bean(OutboxPublisher.class, "publishFromSweeper").id("republish-to-sns")
                .end();
    }
}
