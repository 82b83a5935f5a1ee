package routes.aws.health;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** UP when one cheap read call to an AWS service answers; DOWN with the service's name and error otherwise. */
class AwsServiceHealthIndicator extends AbstractHealthIndicator {

    private final String service;
    private final Runnable probe;

    AwsServiceHealthIndicator(String service, Runnable probe) {
        super(service + " health check failed");
        this.service = service;
        this.probe = probe;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        probe.run();
        builder.up().withDetail("service", service);
    }
}
