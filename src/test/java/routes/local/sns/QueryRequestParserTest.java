package routes.local.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryRequestParserTest {

    private final QueryRequestParser parser = new QueryRequestParser();

    @Test
    void decodesFormEncodedNamesAndValues() {
        SnsRequest request = parser.parse(null,
                "Action=Publish&Version=2010-03-31&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A000000000000%3Aorders"
                        + "&Message=%7B%22a%22%3A%22b+c%2Bd%22%7D&Subject=");

        assertThat(request.action()).contains("Publish");
        assertThat(request.required("TopicArn")).isEqualTo("arn:aws:sns:us-east-1:000000000000:orders");
        assertThat(request.required("Message")).isEqualTo("{\"a\":\"b c+d\"}");
        assertThat(request.optional("Subject")).contains("");
    }

    @Test
    void readsTheQueryStringAsWellAsTheBody() {
        SnsRequest request = parser.parse("Action=Unsubscribe&SubscriptionArn=arn%3Aaws%3Asns%3Ax", "");

        assertThat(request.action()).contains("Unsubscribe");
        assertThat(request.required("SubscriptionArn")).isEqualTo("arn:aws:sns:x");
    }

    @Test
    void missingOrEmptyRequiredParameterIsAnInvalidParameter() {
        SnsRequest request = parser.parse(null, "Action=CreateTopic&Name=");

        assertThatThrownBy(() -> request.required("Name"))
                .isInstanceOfSatisfying(SnsError.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidParameter");
                    assertThat(e.httpStatus()).isEqualTo(400);
                });
    }

    @Test
    void collectsAttributeEntriesInIndexOrder() {
        SnsRequest request = parser.parse(null, "Action=Subscribe"
                + "&Attributes.entry.2.key=FilterPolicy&Attributes.entry.2.value=%7B%22type%22%3A%5B%22a%22%5D%7D"
                + "&Attributes.entry.1.key=RawMessageDelivery&Attributes.entry.1.value=true");

        assertThat(request.entries("Attributes")).containsExactly(
                Map.entry("RawMessageDelivery", "true"),
                Map.entry("FilterPolicy", "{\"type\":[\"a\"]}"));
    }

    @Test
    void collectsMessageAttributesWithTheirDataTypes() {
        SnsRequest request = parser.parse(null, "Action=Publish"
                + "&MessageAttributes.entry.1.Name=type&MessageAttributes.entry.1.Value.DataType=String"
                + "&MessageAttributes.entry.1.Value.StringValue=order.confirmed"
                + "&MessageAttributes.entry.2.Name=amount&MessageAttributes.entry.2.Value.DataType=Number"
                + "&MessageAttributes.entry.2.Value.StringValue=42.5"
                + "&MessageAttributes.entry.3.Name=blob&MessageAttributes.entry.3.Value.DataType=Binary"
                + "&MessageAttributes.entry.3.Value.BinaryValue=AAEC%2Fw%3D%3D");

        Map<String, MessageAttribute> attributes = request.messageAttributes();

        assertThat(attributes.keySet()).containsExactly("type", "amount", "blob");
        assertThat(attributes.get("type")).isEqualTo(new MessageAttribute("String", "order.confirmed", null));
        assertThat(attributes.get("amount")).isEqualTo(new MessageAttribute("Number", "42.5", null));
        assertThat(attributes.get("blob").binaryBytes()).containsExactly(0, 1, 2, 0xff);
    }

    @Test
    void rejectsMessageAttributesSnsWouldRefuse() {
        assertThatThrownBy(() -> parser.parse(null, "MessageAttributes.entry.1.Name=amount"
                + "&MessageAttributes.entry.1.Value.DataType=Number&MessageAttributes.entry.1.Value.StringValue=many")
                .messageAttributes())
                .isInstanceOfSatisfying(SnsError.class, e -> assertThat(e.code()).isEqualTo("InvalidParameterValue"));
        assertThatThrownBy(() -> parser.parse(null, "MessageAttributes.entry.1.Name=type"
                + "&MessageAttributes.entry.1.Value.DataType=Text&MessageAttributes.entry.1.Value.StringValue=x")
                .messageAttributes())
                .isInstanceOf(SnsError.class);
        assertThatThrownBy(() -> parser.parse(null, "MessageAttributes.entry.1.Name=type"
                + "&MessageAttributes.entry.1.Value.DataType=String")
                .messageAttributes())
                .isInstanceOf(SnsError.class);
    }

    @Test
    void splitsBatchMembersIntoRequestsOfTheirOwn() {
        SnsRequest request = parser.parse(null, "Action=PublishBatch&TopicArn=t"
                + "&PublishBatchRequestEntries.member.1.Id=first&PublishBatchRequestEntries.member.1.Message=one"
                + "&PublishBatchRequestEntries.member.1.MessageAttributes.entry.1.Name=type"
                + "&PublishBatchRequestEntries.member.1.MessageAttributes.entry.1.Value.DataType=String"
                + "&PublishBatchRequestEntries.member.1.MessageAttributes.entry.1.Value.StringValue=order.confirmed"
                + "&PublishBatchRequestEntries.member.10.Id=tenth&PublishBatchRequestEntries.member.10.Message=ten"
                + "&PublishBatchRequestEntries.member.2.Id=second&PublishBatchRequestEntries.member.2.Message=two");

        List<SnsRequest> members = request.members("PublishBatchRequestEntries");

        assertThat(members).extracting(member -> member.required("Id")).containsExactly("first", "second", "tenth");
        assertThat(members.get(0).messageAttributes().get("type").stringValue()).isEqualTo("order.confirmed");
        assertThat(members.get(1).messageAttributes()).isEmpty();
    }

    @Test
    void malformedEncodingIsASenderError() {
        assertThatThrownBy(() -> parser.parse(null, "Action=%zz"))
                .isInstanceOfSatisfying(SnsError.class, e -> assertThat(e.httpStatus()).isEqualTo(400));
    }
}
