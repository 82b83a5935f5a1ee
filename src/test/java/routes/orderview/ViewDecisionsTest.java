package routes.orderview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import routes.inbox.InboundEvent;

class ViewDecisionsTest {

    static InboundEvent event(String id, String type, long version, String cause) {
        boolean withTotal = type.equals("order.created") || type.equals("order.confirmed");
        try {
            return new InboundEvent(id, "/s", type, "o-1", null, "o-1", cause, "order", version, new ObjectMapper().readTree(
                    "{\"orderId\":\"o-1\",\"customerId\":\"c-1\"" + (withTotal ? ",\"total\":10.5" : "") + "}"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A timed-out order whose payment answered late: captured after the cancellation, then refunded. */
    static final List<InboundEvent> LATE_CAPTURE = List.of(
            event("e1", "order.created", 1, null),
            event("e2", "inventory.reserved", 2, "e1"),
            event("e3", "inventory.released", 3, "e2"),
            event("e4", "order.cancelled", 4, "e3"),
            event("e5", "payment.captured", 5, "e4"),
            event("e6", "payment.refunded", 6, "e5"));

    static Optional<OrderSummary> deliver(Optional<OrderSummary> view, InboundEvent event) {
        ViewDecisions.Decision decision = ViewDecisions.apply(view, event);
        return decision instanceof ViewDecisions.Write write ? Optional.of(write.next()) : view;
    }

    static Optional<OrderSummary> deliverAll(List<InboundEvent> events) {
        Optional<OrderSummary> view = Optional.empty();
        for (InboundEvent event : events) {
            view = deliver(view, event);
        }
        return view;
    }

    @Test
    void theFirstEventCreatesTheView() {
        var decision = ViewDecisions.apply(Optional.empty(), event("e1", "order.created", 1, null));

        assertThat(decision).isInstanceOfSatisfying(ViewDecisions.Write.class, write -> {
            assertThat(write.previous()).isEmpty();
            assertThat(write.next().status()).isEqualTo("PENDING");
            assertThat(write.next().total()).isEqualByComparingTo("10.5");
            assertThat(write.next().version()).isEqualTo(1);
            assertThat(write.next().revision()).isEqualTo(1);
        });
    }

    @Test
    void anEventWhoseCauseIsNotAppliedIsAppliedAtOnce() {
        var decision = ViewDecisions.apply(Optional.empty(), event("e4", "order.cancelled", 4, "e3"));

        assertThat(decision).isInstanceOfSatisfying(ViewDecisions.Write.class, write -> {
            assertThat(write.next().status()).isEqualTo("CANCELLED");
            assertThat(write.next().version()).isEqualTo(4);
            assertThat(write.next().total()).as("no event carrying it yet").isNull();
        });
    }

    @Test
    void anOlderEventThatAddsNothingIsStale() {
        Optional<OrderSummary> view = deliverAll(LATE_CAPTURE.subList(0, 4));

        assertThat(ViewDecisions.apply(view, LATE_CAPTURE.get(1))).isInstanceOf(ViewDecisions.Stale.class);
        assertThat(ViewDecisions.apply(view, LATE_CAPTURE.get(3))).as("a duplicate").isInstanceOf(ViewDecisions.Stale.class);
    }

    @Test
    void anOlderEventStillFillsTheTotalAndAnOlderStatusEventStillSetsTheStatus() {
        Optional<OrderSummary> view = deliverAll(List.of(LATE_CAPTURE.get(5), LATE_CAPTURE.get(3), LATE_CAPTURE.get(0)));

        assertThat(view).hasValueSatisfying(summary -> {
            assertThat(summary.status()).isEqualTo("CANCELLED");
            assertThat(summary.statusVersion()).isEqualTo(4);
            assertThat(summary.total()).isEqualByComparingTo("10.5");
            assertThat(summary.version()).isEqualTo(6);
            assertThat(summary.lastEventType()).isEqualTo("payment.refunded");
            assertThat(summary.revision()).isEqualTo(3);
        });
    }

    @Test
    void everyDeliveryOrderWithDuplicatesEndsInTheSameView() {
        Optional<OrderSummary> inOrder = deliverAll(LATE_CAPTURE);
        List<List<InboundEvent>> orders = new ArrayList<>();
        permutations(new ArrayList<>(LATE_CAPTURE), 0, orders);

        assertThat(orders).hasSize(720);
        for (List<InboundEvent> order : orders) {
            List<InboundEvent> withDuplicates = new ArrayList<>(order);
            withDuplicates.add(order.get(0));
            withDuplicates.add(2, order.get(order.size() - 1));
            assertThat(deliverAll(withDuplicates)).as(order.stream().map(InboundEvent::id).toList().toString())
                    .hasValueSatisfying(view -> {
                        assertThat(view.status()).isEqualTo("CANCELLED");
                        assertThat(view.total()).isEqualByComparingTo(new BigDecimal("10.5"));
                        assertThat(view.version()).isEqualTo(6);
                        assertThat(view.lastEventId()).isEqualTo("e6");
                        assertThat(view.statusVersion()).isEqualTo(inOrder.orElseThrow().statusVersion());
                    });
        }
    }

    static void permutations(List<InboundEvent> events, int from, List<List<InboundEvent>> out) {
        if (from == events.size()) {
            out.add(List.copyOf(events));
            return;
        }
        for (int i = from; i < events.size(); i++) {
            java.util.Collections.swap(events, from, i);
            permutations(events, from + 1, out);
            java.util.Collections.swap(events, from, i);
        }
    }
}
