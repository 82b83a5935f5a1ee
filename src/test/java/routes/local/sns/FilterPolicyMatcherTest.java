package routes.local.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilterPolicyMatcherTest {

    private static final String CONFIRMED_OR_CANCELLED = "{\"type\":[\"order.confirmed\",\"order.cancelled\"]}";

    @Test
    void exactStringMatchAcceptsAnyListedValue() {
        FilterPolicyMatcher policy = FilterPolicyMatcher.compile(CONFIRMED_OR_CANCELLED);

        assertThat(policy.matchesAttributes(attributes("type", "order.confirmed"))).isTrue();
        assertThat(policy.matchesAttributes(attributes("type", "order.cancelled"))).isTrue();
        assertThat(policy.matchesAttributes(attributes("type", "order.created"))).isFalse();
        assertThat(policy.matchesAttributes(attributes("type", "ORDER.CONFIRMED"))).isFalse();
    }

    @Test
    void messageWithoutTheAttributeDoesNotMatch() {
        assertThat(FilterPolicyMatcher.compile(CONFIRMED_OR_CANCELLED).matchesAttributes(attributes("other", "x"))).isFalse();
        assertThat(FilterPolicyMatcher.compile("{\"type\":[{\"anything-but\":\"order.created\"}]}")
                .matchesAttributes(Map.of())).isFalse();
        assertThat(FilterPolicyMatcher.compile("{\"type\":[{\"prefix\":\"order.\"}]}").matchesAttributes(Map.of())).isFalse();
    }

    @Test
    void everyPolicyKeyMustMatch() {
        FilterPolicyMatcher policy = FilterPolicyMatcher.compile("{\"type\":[\"order.confirmed\"],\"tenant\":[\"t-1\"]}");

        assertThat(policy.matchesAttributes(attributes("type", "order.confirmed", "tenant", "t-1"))).isTrue();
        assertThat(policy.matchesAttributes(attributes("type", "order.confirmed", "tenant", "t-2"))).isFalse();
        assertThat(policy.matchesAttributes(attributes("type", "order.confirmed"))).isFalse();
    }

    @Test
    void anythingButExcludesASingleValueOrAList() {
        FilterPolicyMatcher single = FilterPolicyMatcher.compile("{\"type\":[{\"anything-but\":\"order.created\"}]}");
        FilterPolicyMatcher list = FilterPolicyMatcher.compile("{\"type\":[{\"anything-but\":[\"order.created\",\"order.draft\"]}]}");

        assertThat(single.matchesAttributes(attributes("type", "order.confirmed"))).isTrue();
        assertThat(single.matchesAttributes(attributes("type", "order.created"))).isFalse();
        assertThat(list.matchesAttributes(attributes("type", "order.draft"))).isFalse();
        assertThat(list.matchesAttributes(attributes("type", "order.confirmed"))).isTrue();
    }

    @Test
    void anythingButPrefixExcludesByPrefix() {
        FilterPolicyMatcher policy = FilterPolicyMatcher.compile("{\"type\":[{\"anything-but\":{\"prefix\":\"test.\"}}]}");

        assertThat(policy.matchesAttributes(attributes("type", "test.ping"))).isFalse();
        assertThat(policy.matchesAttributes(attributes("type", "order.created"))).isTrue();
    }

    @Test
    void existsTestsPresenceOnly() {
        FilterPolicyMatcher present = FilterPolicyMatcher.compile("{\"tenant\":[{\"exists\":true}]}");
        FilterPolicyMatcher absent = FilterPolicyMatcher.compile("{\"tenant\":[{\"exists\":false}]}");

        assertThat(present.matchesAttributes(attributes("tenant", "t-1"))).isTrue();
        assertThat(present.matchesAttributes(attributes("type", "x"))).isFalse();
        assertThat(absent.matchesAttributes(attributes("type", "x"))).isTrue();
        assertThat(absent.matchesAttributes(attributes("tenant", "t-1"))).isFalse();
    }

    @Test
    void prefixSuffixAndEqualsIgnoreCaseCompareStrings() {
        assertThat(FilterPolicyMatcher.compile("{\"type\":[{\"prefix\":\"order.\"}]}")
                .matchesAttributes(attributes("type", "order.created"))).isTrue();
        assertThat(FilterPolicyMatcher.compile("{\"type\":[{\"suffix\":\".created\"}]}")
                .matchesAttributes(attributes("type", "payment.created"))).isTrue();
        assertThat(FilterPolicyMatcher.compile("{\"type\":[{\"equals-ignore-case\":\"ORDER.CREATED\"}]}")
                .matchesAttributes(attributes("type", "order.created"))).isTrue();
    }

    @Test
    void numericConditionsCompareNumberAttributes() {
        FilterPolicyMatcher range = FilterPolicyMatcher.compile("{\"amount\":[{\"numeric\":[\">\",0,\"<=\",100]}]}");
        FilterPolicyMatcher exact = FilterPolicyMatcher.compile("{\"amount\":[42.5]}");

        assertThat(range.matchesAttributes(Map.of("amount", number("100")))).isTrue();
        assertThat(range.matchesAttributes(Map.of("amount", number("100.01")))).isFalse();
        assertThat(range.matchesAttributes(Map.of("amount", number("0")))).isFalse();
        assertThat(exact.matchesAttributes(Map.of("amount", number("42.50")))).isTrue();
        assertThat(range.matchesAttributes(attributes("amount", "50"))).as("a String attribute is not a number").isFalse();
    }

    @Test
    void stringArrayAttributeMatchesWhenAnyElementMatches() {
        FilterPolicyMatcher policy = FilterPolicyMatcher.compile("{\"regions\":[\"eu\"]}");

        assertThat(policy.matchesAttributes(Map.of("regions", MessageAttribute.of("regions", "String.Array", "[\"us\",\"eu\"]", null))))
                .isTrue();
        assertThat(policy.matchesAttributes(Map.of("regions", MessageAttribute.of("regions", "String.Array", "[\"us\"]", null))))
                .isFalse();
    }

    @Test
    void orOffersAlternativeGroups() {
        FilterPolicyMatcher policy = FilterPolicyMatcher.compile(
                "{\"source\":[\"orders\"],\"$or\":[{\"type\":[\"order.confirmed\"]},{\"priority\":[\"high\"]}]}");

        assertThat(policy.matchesAttributes(attributes("source", "orders", "type", "order.confirmed"))).isTrue();
        assertThat(policy.matchesAttributes(attributes("source", "orders", "priority", "high"))).isTrue();
        assertThat(policy.matchesAttributes(attributes("source", "orders", "type", "order.created"))).isFalse();
        assertThat(policy.matchesAttributes(attributes("source", "billing", "priority", "high"))).isFalse();
    }

    @Test
    void messageBodyScopeMatchesNestedJsonKeys() {
        FilterPolicyMatcher policy = FilterPolicyMatcher.compile("{\"order\":{\"status\":[\"CONFIRMED\"]},\"total\":[{\"numeric\":[\">=\",10]}]}");

        assertThat(policy.matchesBody("{\"order\":{\"status\":\"CONFIRMED\"},\"total\":12}")).isTrue();
        assertThat(policy.matchesBody("{\"order\":{\"status\":\"CREATED\"},\"total\":12}")).isFalse();
        assertThat(policy.matchesBody("{\"order\":{\"status\":\"CONFIRMED\"}}")).isFalse();
        assertThat(policy.matchesBody("not json")).isFalse();
    }

    @Test
    void emptyPolicyMeansNoFilter() {
        assertThat(FilterPolicyMatcher.isEmptyPolicy("{}")).isTrue();
        assertThat(FilterPolicyMatcher.isEmptyPolicy("")).isTrue();
        assertThat(FilterPolicyMatcher.isEmptyPolicy(CONFIRMED_OR_CANCELLED)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{not json",
            "[\"type\"]",
            "{\"type\":\"order.confirmed\"}",
            "{\"type\":[]}",
            "{\"type\":[{\"prefix\":1}]}",
            "{\"type\":[{\"numeric\":[\"~\",1]}]}",
            "{\"type\":[{\"exists\":\"yes\"}]}",
            "{\"type\":[{\"cidr\":\"10.0.0.0/24\"}]}",
            "{\"type\":[{\"prefix\":\"a\",\"suffix\":\"b\"}]}",
            "{\"$or\":[{\"type\":[\"a\"]}]}"
    })
    void invalidPoliciesAreRejectedWithAReason(String policy) {
        assertThatThrownBy(() -> FilterPolicyMatcher.compile(policy))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FilterPolicy");
    }

    private static Map<String, MessageAttribute> attributes(String... namesAndValues) {
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            attributes.put(namesAndValues[i], MessageAttribute.of(namesAndValues[i], "String", namesAndValues[i + 1], null));
        }
        return attributes;
    }

    private static MessageAttribute number(String value) {
        return MessageAttribute.of("amount", "Number", value, null);
    }
}
