package routes.explorer;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import routes.ordersaga.SagaProperties;

/**
 * {@code GET /console/settings}: what the explorer page needs from the configuration, so that it marks a
 * PENDING saga as stuck exactly when the recovery route would consider it lost (timeout + recovery grace).
 */
@RestController
class ConsoleSettingsController {

    record ConsoleSettings(long stuckAfterSeconds) {}

    private final ConsoleSettings settings;

    ConsoleSettingsController(SagaProperties saga) {
        this.settings = new ConsoleSettings(saga.timeout().plus(saga.recoveryGrace()).toSeconds());
    }

    @GetMapping("/console/settings")
    ConsoleSettings settings() {
        return settings;
    }
}
