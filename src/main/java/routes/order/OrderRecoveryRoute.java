package routes.order;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Drives every order whose saga was lost to CANCELLED, compensating in reverse order what its row
 * records as done. The compensations are idempotent, so a saga that is merely slow is safe too.
 */
@Component
public class OrderRecoveryRoute extends RouteBuilder {

    @Override
    public void configure() {
        // One instance recovers at a time (the leader of "order-recovery"), so instances do not race.
        from("master:order-recovery:timer:order-recovery?delay={{app.saga.recovery-interval}}&period={{app.saga.recovery-interval}}")
                .routeId("order-recovery")
                .description("Finds orders left PENDING past the saga timeout: their saga died with a JVM")
                .bean(OrderRecovery.class, "abandonedOrders").id("find-abandoned-orders")
                // The splitter goes on with the other orders when one fails; the next round retries it.
                .split(body())
                    .setHeader(SagaHeaders.ORDER_ID, body())
                    .to("direct:order-recover").id("recover-order");

        from("direct:order-recover").routeId("order-recover")
                .description("Compensates one abandoned order: refund, release, cancel")
                .log(LoggingLevel.WARN, "Order ${header.orderId}: saga lost (PENDING past its timeout), compensating")
                .filter(method(OrderRecovery.class, "reservedStock"))
                    .to("direct:payment-refund").id("recover-payment")
                    .to("direct:inventory-release").id("recover-stock")
                .end()
                .to("direct:order-cancel").id("recover-order-row");
    }
}
