package routes.local.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static routes.local.dynamodb.conformance.Attributes.b;
import static routes.local.dynamodb.conformance.Attributes.bool;
import static routes.local.dynamodb.conformance.Attributes.item;
import static routes.local.dynamodb.conformance.Attributes.l;
import static routes.local.dynamodb.conformance.Attributes.m;
import static routes.local.dynamodb.conformance.Attributes.n;
import static routes.local.dynamodb.conformance.Attributes.ns;
import static routes.local.dynamodb.conformance.Attributes.nul;
import static routes.local.dynamodb.conformance.Attributes.s;
import static routes.local.dynamodb.conformance.Attributes.ss;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Data types (Developer Guide: Supported data types and naming rules): number precision and
 * normalisation, sets, empty strings and binaries, key limits and the 400 KB item limit.
 */
abstract class TypeCases extends ConformanceCases {

    String table;
    String numberKeyed;
    String hashRange;

    @BeforeAll
    void createTypeTables() {
        table = tables.hashTable("pk", ScalarAttributeType.S);
        numberKeyed = tables.hashTable("id", ScalarAttributeType.N);
        hashRange = tables.hashRangeTable("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.B);
    }

    /** Writes the attribute on a fresh item and reads it back. */
    AttributeValue roundTrip(AttributeValue value) {
        String pk = "t-" + UUID.randomUUID();
        ddb.putItem(b -> b.tableName(table).item(item("pk", s(pk), "v", value)));
        return ddb.getItem(b -> b.tableName(table).key(item("pk", s(pk))).consistentRead(true)).item().get("v");
    }

    void put(Object... attributes) {
        Map<String, AttributeValue> item = item(attributes);
        item.putIfAbsent("pk", s("t-" + UUID.randomUUID()));
        ddb.putItem(b -> b.tableName(table).item(item));
    }

    @Test
    @DisplayName("Numbers keep 38 significant digits (Developer Guide: Data types, Number)")
    void thirtyEightDigitsKept() {
        assertThat(roundTrip(n("12345678901234567890123456789012345678")).n()).isEqualTo("12345678901234567890123456789012345678");
        assertThat(roundTrip(n("0.12345678901234567890123456789012345678")).n()).isEqualTo("0.12345678901234567890123456789012345678");
    }

    @Test
    @DisplayName("More than 38 significant digits is a ValidationException (Developer Guide: Data types, Number)")
    void thirtyNineDigitsRejected() {
        var error = validationError(() -> put("v", n("123456789012345678901234567890123456789")));
        assertThat(error.awsErrorDetails().errorMessage()).contains("38 significant digits");
    }

    @ParameterizedTest(name = "{0} comes back as {1}")
    @DisplayName("Numbers come back normalised: no leading or trailing zeros, no exponent (Developer Guide: Data types, Number)")
    @CsvSource({
            "01.500, 1.5",
            "1.0, 1",
            "1000, 1000",
            "1E3, 1000",
            "1.5e2, 150",
            "0.0001000, 0.0001",
            "-0.50, -0.5",
            "00, 0",
            "-0, 0",
            "12E-1, 1.2"})
    void numbersNormalised(String written, String read) {
        assertThat(roundTrip(n(written)).n()).isEqualTo(read);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @DisplayName("Numbers outside 1E-130 .. 9.9999999999999999999999999999999999999E+125, or not numbers, are ValidationExceptions (Developer Guide: Data types, Number)")
    @ValueSource(strings = {"1E126", "-1E126", "1E-131", "abc", "1..2", ""})
    void invalidNumbersRejected(String written) {
        validationError(() -> put("v", n(written)));
    }

    @Test
    @DisplayName("A number key written as 1.50 is found as 1.5 (Developer Guide: Data types, Number)")
    void numberKeysCompareByValue() {
        ddb.putItem(b -> b.tableName(numberKeyed).item(item("id", n("1.50"), "v", s("found"))));
        var got = ddb.getItem(b -> b.tableName(numberKeyed).key(item("id", n("1.5"))).consistentRead(true)).item();
        assertThat(got).isEqualTo(item("id", n("1.5"), "v", s("found")));
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("Empty sets are invalid (Developer Guide: Data types, Sets: empty sets are not supported)")
    @ValueSource(strings = {"SS", "NS", "BS"})
    void emptySetsRejected(String type) {
        AttributeValue empty = switch (type) {
            case "SS" -> AttributeValue.builder().ss(List.of()).build();
            case "NS" -> AttributeValue.builder().ns(List.of()).build();
            default -> AttributeValue.builder().bs(List.of()).build();
        };
        validationError(() -> put("v", empty));
    }

    @Test
    @DisplayName("A set with duplicate members is a ValidationException (Developer Guide: Data types, Sets: values must be unique)")
    void duplicateSetMembersRejected() {
        validationError(() -> put("v", ss("a", "a")));
    }

    @Test
    @DisplayName("A number set with 1 and 1.0 holds duplicates: ValidationException (Developer Guide: Data types, Sets)")
    void numericallyEqualSetMembersRejected() {
        validationError(() -> put("v", ns("1", "1.0")));
    }

    @Test
    @DisplayName("Sets come back with the same members (order is not preserved) (Developer Guide: Data types, Sets)")
    void setsRoundTrip() {
        assertThat(roundTrip(ss("c", "a", "b")).ss()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(roundTrip(ns("3", "1.50", "2")).ns()).containsExactlyInAnyOrder("1.5", "2", "3");
    }

    @Test
    @DisplayName("Binary, BOOL, NULL, lists and maps round-trip unchanged (Developer Guide: Data types)")
    void otherTypesRoundTrip() {
        assertThat(roundTrip(b(0, 255, 128))).isEqualTo(b(0, 255, 128));
        assertThat(roundTrip(bool(false))).isEqualTo(bool(false));
        assertThat(roundTrip(nul())).isEqualTo(nul());
        assertThat(roundTrip(l(s("a"), n(1), l(), m()))).isEqualTo(l(s("a"), n(1), l(), m()));
    }

    @Test
    @DisplayName("Empty strings and binaries are allowed in non-key attributes, nested ones too (Developer Guide: Data types, String / Binary)")
    void emptyNonKeyValuesAllowed() {
        assertThat(roundTrip(s(""))).isEqualTo(s(""));
        assertThat(roundTrip(b())).isEqualTo(b());
        assertThat(roundTrip(m("inner", s(""), "list", l(s(""))))).isEqualTo(m("inner", s(""), "list", l(s(""))));
    }

    @Test
    @DisplayName("An empty string partition key is a ValidationException (Developer Guide: Data types, String: key attributes need length > 0)")
    void emptyPartitionKeyRejected() {
        validationError(() -> put("pk", s("")));
    }

    @Test
    @DisplayName("An empty binary sort key is a ValidationException (Developer Guide: Data types, Binary: key attributes need length > 0)")
    void emptySortKeyRejected() {
        validationError(() -> ddb.putItem(b -> b.tableName(hashRange).item(item("pk", s("x"), "sk", b()))));
    }

    @Test
    @DisplayName("An empty string key in GetItem is a ValidationException (Developer Guide: Data types, String)")
    void emptyKeyInGetRejected() {
        validationError(() -> ddb.getItem(b -> b.tableName(table).key(item("pk", s("")))));
    }

    @Test
    @DisplayName("A partition key over 2048 bytes is a ValidationException (Developer Guide: Service quotas, partition key length)")
    void partitionKeyOver2048BytesRejected() {
        put("pk", s("k".repeat(2048)));
        validationError(() -> put("pk", s("k".repeat(2049))));
    }

    @Test
    @DisplayName("A sort key over 1024 bytes is a ValidationException (Developer Guide: Service quotas, sort key length)")
    void sortKeyOver1024BytesRejected() {
        byte[] fits = new byte[1024];
        byte[] tooLong = new byte[1025];
        ddb.putItem(b -> b.tableName(hashRange).item(item("pk", s("x"), "sk", AttributeValue.fromB(SdkBytes.fromByteArray(fits)))));
        validationError(() -> ddb.putItem(b -> b.tableName(hashRange)
                .item(item("pk", s("x"), "sk", AttributeValue.fromB(SdkBytes.fromByteArray(tooLong))))));
    }

    @Test
    @DisplayName("An item just under 400 KB is accepted (Developer Guide: Service quotas, item size)")
    void itemUnder400KbAccepted() {
        // item size = attribute name lengths + value lengths: "pk"+"a" + "p" + padding
        ddb.putItem(b -> b.tableName(table).item(item("pk", s("a"), "p", s("z".repeat(409_600 - 4 - 100)))));
        assertThat(ddb.getItem(b -> b.tableName(table).key(item("pk", s("a"))).consistentRead(true)).item()).containsKey("p");
    }

    @Test
    @DisplayName("An item over 400 KB is a ValidationException (Developer Guide: Service quotas, item size)")
    void itemOver400KbRejected() {
        var error = validationError(() -> put("p", s("z".repeat(409_601))));
        assertThat(error.awsErrorDetails().errorMessage()).contains("Item size has exceeded the maximum allowed size");
    }

    @Test
    @DisplayName("An UpdateItem that grows an item over 400 KB is a ValidationException (Developer Guide: Service quotas, item size)")
    void updateOver400KbRejected() {
        String pk = "t-" + UUID.randomUUID();
        put("pk", s(pk), "a", s("z".repeat(300_000)));
        var error = validationError(() -> ddb.updateItem(b -> b.tableName(table).key(item("pk", s(pk)))
                .updateExpression("SET b = :big").expressionAttributeValues(item(":big", s("z".repeat(150_000))))));
        assertThat(error.awsErrorDetails().errorMessage()).contains("Item size");
    }

    @Test
    @DisplayName("An empty attribute name is a ValidationException (Developer Guide: Naming rules, attribute names at least 1 character)")
    @DynaliteDiffers("dynalite 4.0.0 stores an attribute named \"\"; AWS: attribute names must be at least one character long (Developer Guide: Naming rules)")
    void emptyAttributeNameRejected() {
        validationError(() -> put("", s("v")));
    }

    @Test
    @DisplayName("An UpdateItem that SETs an empty set is a ValidationException (Developer Guide: Data types, Sets: empty sets are not supported)")
    void emptySetInUpdateRejected() {
        String pk = "t-" + UUID.randomUUID();
        put("pk", s(pk));
        validationError(() -> ddb.updateItem(b -> b.tableName(table).key(item("pk", s(pk)))
                .updateExpression("SET tags = :none").expressionAttributeValues(item(":none", AttributeValue.builder().ss(List.of()).build()))));
    }
}
