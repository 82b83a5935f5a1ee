package routes.orderview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import routes.inbox.InboundEvent;

class ViewDecisionsTest {

    static InboundEvent event(String id, String type, long version, String cause) throws Exception {
        return new InboundEvent(id, "/s", type, "o-1", null, "o-1", cause, "order", version,
                new ObjectMapper().readTree("{\"orderId\":\"o-1\",\"customerId\":\"c-1\",\"total\":10.5}"));
    }

    static OrderSummary view(long version, String... applied) {
        return new OrderSummary("c-1", "o-1", "PENDING", null, "order.created", applied[applied.length - 1], version,
                Set.of(applied));
    }

    @Test
    void theFirstEventCreatesTheView() throws Exception {
        var decision = ViewDecisions.apply(Optional.empty(), event("e1", "order.created", 1, null));

        assertThat(decision).isInstanceOfSatisfying(ViewDecisions.Write.class, write -> {
            assertThat(write.expectedVersion()).isZero();
            assertThat(write.next().status()).isEqualTo("PENDING");
            assertThat(write.next().total()).isEqualByComparingTo("10.5");
            assertThat(write.next().appliedEventIds()).containsExactly("e1");
        });
    }

    @Test
    void anEventNoNewerThanTheViewIsStale() throws Exception {
        assertThat(ViewDecisions.apply(Optional.of(view(3, "e1", "e2", "e3")), event("e2", "inventory.reserved", 2, "e1")))
                .isInstanceOf(ViewDecisions.Stale.class);
        assertThat(ViewDecisions.apply(Optional.of(view(3, "e1", "e2", "e3")), event("e3", "payment.captured", 3, "e2")))
                .isInstanceOf(ViewDecisions.Stale.class);
    }

    @Test
    void anEventWhoseCauseIsNotAppliedWaits() throws Exception {
        assertThat(ViewDecisions.apply(Optional.empty(), event("e2", "inventory.reserved", 2, "e1")))
                .isInstanceOfSatisfying(ViewDecisions.WaitForCause.class, wait -> assertThat(wait.causationId()).isEqualTo("e1"));
        assertThat(ViewDecisions.apply(Optional.of(view(1, "e1")), event("e3", "payment.captured", 3, "e2")))
                .isInstanceOf(ViewDecisions.WaitForCause.class);
    }

    @Test
    void anEventWhoseCauseIsAppliedMovesTheViewAndKeepsWhatItDoesNotChange() throws Exception {
        OrderSummary created = new OrderSummary("c-1", "o-1", "PENDING", new java.math.BigDecimal("10.5"),
                "order.created", "e1", 1, Set.of("e1"));

        var decision = ViewDecisions.apply(Optional.of(created), event("e2", "order.confirmed", 2, "e1"));

        assertThat(decision).isInstanceOfSatisfying(ViewDecisions.Write.class, write -> {
            assertThat(write.expectedVersion()).isEqualTo(1);
            assertThat(write.next().status()).isEqualTo("CONFIRMED");
            assertThat(write.next().version()).isEqualTo(2);
            assertThat(write.next().lastEventType()).isEqualTo("order.confirmed");
            assertThat(write.next().appliedEventIds()).containsExactlyInAnyOrder("e1", "e2");
        });
    }
}
