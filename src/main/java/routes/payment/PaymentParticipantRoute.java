package routes.payment;

import static routes.order.SagaRouteConfigurations.SAGA_STEP;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.SagaPropagation;
import org.springframework.stereotype.Component;
import routes.order.SagaHeaders;

/** The payment context in the saga: captures the order's total, undone by refunding it. */
@Component
public class PaymentParticipantRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:payment-capture").routeId("payment-capture")
                .description("Saga step: captures the order's total from the payment provider")
                .routeConfigurationId(SAGA_STEP)
                .saga().propagation(SagaPropagation.MANDATORY)
                    .option(SagaHeaders.ORDER_ID, header(SagaHeaders.ORDER_ID))
                    .compensation("direct:payment-refund")
                .bean(PaymentCapture.class, "capture").id("capture-with-provider");

        from("direct:payment-refund").routeId("payment-refund")
                .description("Compensation: refunds whatever the provider captured for the order")
                .routeConfigurationId(SAGA_STEP)
                .log("Order ${header.orderId}: compensating payment-capture")
                .bean(PaymentRefund.class, "refund").id("refund-with-provider");

        from("direct:payment-reconcile").routeId("payment-reconcile")
                .description("Recovery: refunds what the provider still holds for a cancelled order, such as a capture that answered late")
                .routeConfigurationId(SAGA_STEP)
                .bean(PaymentRefund.class, "reconcile").id("reconcile-with-provider");
    }
}
