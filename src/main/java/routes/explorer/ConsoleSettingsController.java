package routes.explorer;

import org.apache.camel.CamelContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import routes.ordersaga.SagaProperties;

/**
 * {@code GET /console/settings}: what the explorer page needs from the configuration: when a PENDING saga
 * counts as stuck (timeout + recovery grace, when the recovery route takes it for lost), and the Camel
 * context's name, which Hawtio's links to a route contain.
 */
@RestController
class ConsoleSettingsController {

    record ConsoleSettings(long stuckAfterSeconds, String camelContext) {}

    private final SagaProperties saga;
    private final CamelContext camel;

    ConsoleSettingsController(SagaProperties saga, CamelContext camel) {
        this.saga = saga;
        this.camel = camel;
    }

    @GetMapping("/console/settings")
    ConsoleSettings settings() {
        return new ConsoleSettings(saga.timeout().plus(saga.recoveryGrace()).toSeconds(), camel.getName());
    }
}
