package routes.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** Which order a consumer's message is about, for the journal: parsed, raw CloudEvent JSON, or nothing. */
class EventReferenceTest {

    static Exchange withBody(Object body) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(body);
        return exchange;
    }

    @Test
    void aCloudEventsDataNamesItsOrder() {
        assertThat(EventReference.of(withBody("{\"id\":\"e1\",\"type\":\"order.created\",\"subject\":\"s-1\","
                + "\"data\":{\"orderId\":\"o-1\"}}")))
                .contains(new EventReference("o-1", "e1", "order.created"));
    }

    @Test
    void withoutAnOrderInItsDataTheSubjectNamesIt() {
        assertThat(EventReference.of(withBody("{\"id\":\"e1\",\"type\":\"x\",\"subject\":\"o-2\",\"data\":{}}")))
                .contains(new EventReference("o-2", "e1", "x"));
    }

    @Test
    void aMessageNamingNoOrderHasNoReference() {
        assertThat(EventReference.of(withBody("not json"))).isEmpty();
        assertThat(EventReference.of(withBody("{\"id\":\"e1\",\"data\":{\"orderId\":42}}"))).isEmpty();
        assertThat(EventReference.of(withBody(null))).isEmpty();
    }
}
