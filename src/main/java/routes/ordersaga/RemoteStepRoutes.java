package routes.ordersaga;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import routes.saga.BusinessFailure;
import routes.saga.TransientFailures;
import routes.saga.lra.LraSettings;
import routes.saga.lra.RemoteParticipant;

/**
 * Saga steps across instances, LRA mode only. A step another instance runs is called there inside
 * the saga (route {@code remote-<step>}, with the steps' retries); this instance serves the steps
 * its peers call ({@code PUT /lra-participant/steps/<step>}, signed, checked by the callback filter)
 * and answers 200, 409 with the business reason, or 503/500.
 */
@Component
public class RemoteStepRoutes extends RouteBuilder {

    static final String STEP = "step";

    private final SagaProperties saga;
    private final RemoteSteps steps;
    private final ObjectProvider<RemoteParticipant> participant;
    private final ObjectMapper json;

    public RemoteStepRoutes(SagaProperties saga, RemoteSteps steps, ObjectProvider<RemoteParticipant> participant,
            ObjectMapper json) {
        this.saga = saga;
        this.steps = steps;
        this.participant = participant;
        this.json = json;
    }

    @Override
    public void configure() {
        if (saga.mode() != SagaMode.LRA) {
            return;
        }
        steps.remote().forEach((step, instance) -> from(RemoteSteps.callEndpoint(step)).routeId("remote-" + step.id())
                .description("Runs " + step.id() + " on " + instance + " inside the saga")
                .routeConfigurationId(SagaRouteConfigurations.SAGA_STEP)
                .process(exchange -> participant.getObject().run(step.id(), instance,
                        exchange.getMessage().getHeader(Exchange.SAGA_LONG_RUNNING_ACTION, String.class), handedOver(exchange)))
                .id("call-" + step.id()));

        rest(LraSettings.PARTICIPANT_PATH + "/steps").id("saga-steps-api")
                .put("/{" + STEP + "}").id("serve-step-api").to("direct:serve-saga-step")
                // The REST DSL has no .id(...) for a verb's destination, which becomes a node of its route.
                .getVerbs().forEach(verb -> verb.getTo().setId(verb.getId() + "-route"));

        from("direct:serve-saga-step").routeId("serve-saga-step")
                .description("Runs a saga step a peer instance asked for, inside the peer's saga")
                .doTry().id("try-served-step")
                    .setProperty(STEP, method(RemoteStepRoutes.class, "servedEndpoint")).id("find-served-step")
                    .toD("${exchangeProperty." + STEP + "}").id("run-served-step")
                    .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(200)).id("status-ok")
                    .setBody(constant("{}")).id("step-done")
                .doCatch(UnknownStepException.class).id("catch-unknown-step")
                    .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(404)).id("status-not-found")
                    .setBody(exchange -> failure(exchange)).id("unknown-step")
                .doCatch(BusinessFailure.class).id("catch-step-refused")
                    .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(409)).id("status-conflict")
                    .setBody(exchange -> refusal(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, BusinessFailure.class))).id("step-refused")
                .doCatch(Exception.class).id("catch-step-failed")
                    .setHeader(Exchange.HTTP_RESPONSE_CODE, method(RemoteStepRoutes.class, "failureStatus")).id("status-failed")
                    .setBody(exchange -> failure(exchange)).id("step-failed")
                .end()
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json")).id("answer-json");
    }

    /** The endpoint of the step a peer named: only the steps that run after the order is created. */
    public static String servedEndpoint(@Header(STEP) String id) {
        return SagaStep.backgroundSteps().stream().filter(step -> step.id().equals(id)).findFirst()
                .map(SagaStep::endpoint)
                .orElseThrow(() -> new UnknownStepException(id));
    }

    /** 503 when the peer may retry the step (it is idempotent), 500 otherwise. */
    public static int failureStatus(Exchange exchange) {
        return TransientFailures.isTransient(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)) ? 503 : 500;
    }

    /** A peer named a step this instance does not serve. */
    static class UnknownStepException extends IllegalArgumentException {
        UnknownStepException(String id) {
            super("no saga step '" + id + "' is served here");
        }
    }

    private String failure(Exchange exchange) {
        return json.valueToTree(Map.of("detail",
                String.valueOf(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage()))).toString();
    }

    /** The headers a step reads: its order and, for the payment, the token. */
    private static Map<String, String> handedOver(Exchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : new String[] {SagaHeaders.ORDER_ID, SagaHeaders.PAYMENT_TOKEN}) {
            String value = exchange.getMessage().getHeader(name, String.class);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    private String refusal(BusinessFailure failure) {
        return json.valueToTree(Map.of("reason", failure.reason(), "detail", String.valueOf(failure.getMessage()))).toString();
    }
}
