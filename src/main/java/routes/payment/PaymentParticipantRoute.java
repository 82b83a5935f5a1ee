package routes.payment;

import org.springframework.stereotype.Component;
import routes.ordersaga.OrderRecoveryRoute;
import routes.ordersaga.SagaParticipantRoutes;
import routes.ordersaga.SagaRouteConfigurations;
import routes.ordersaga.SagaStep;

/** The payment context in the saga: captures the order's total, undone by refunding it. */
@Component
public class PaymentParticipantRoute extends SagaParticipantRoutes {

    @Override
    public void configure() {
        step(SagaStep.PAYMENT_CAPTURE, "Saga step: captures the order's total from the payment provider")
                .bean(PaymentCapture.class, "capture").id("capture-with-provider");

        compensation(SagaStep.PAYMENT_REFUND, "Compensation: refunds whatever the provider captured for the order")
                .bean(PaymentRefund.class, "refund").id("refund-with-provider");

        from(OrderRecoveryRoute.RECONCILE_PAYMENT).routeId("payment-reconcile")
                .description("Recovery: refunds what the provider still holds for a cancelled order, such as a capture that answered late")
                .routeConfigurationId(SagaRouteConfigurations.SAGA_STEP)
                .bean(PaymentRefund.class, "reconcile").id("reconcile-with-provider");
    }
}
