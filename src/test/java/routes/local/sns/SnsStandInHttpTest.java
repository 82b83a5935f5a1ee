package routes.local.sns;

import routes.support.FauxqsProcess;
import routes.support.LocalAwsClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The stand-in's HTTP behaviour that needs no queue: protocol errors, validation, binding and shutdown. */
class SnsStandInHttpTest {

    private static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:000000000000:never-used";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    // Never called by these tests: nothing here is delivered.
    private final SqsClient unusedSqs = LocalAwsClients.sqs(URI.create("http://127.0.0.1:9"));
    private SnsStandIn standIn;

    @BeforeEach
    void startStandIn() {
        standIn = startOn(0);
    }

    @AfterEach
    void stopStandIn() {
        standIn.close();
        unusedSqs.close();
    }

    @Test
    void unsupportedActionAnswersAnSnsXmlError() throws Exception {
        HttpResponse<String> response = post("Action=Foo&Version=2010-03-31");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/xml");
        Element root = parseXml(response.body());
        assertThat(root.getLocalName()).isEqualTo("ErrorResponse");
        assertThat(root.getNamespaceURI()).isEqualTo("http://sns.amazonaws.com/doc/2010-03-31/");
        assertThat(text(root, "Type")).isEqualTo("Sender");
        assertThat(text(root, "Code")).isEqualTo("InvalidAction");
        assertThat(text(root, "Message")).contains("Foo");
        assertThat(text(root, "RequestId")).isNotBlank();
    }

    @Test
    void missingRequiredParameterIsAnInvalidParameterError() throws Exception {
        HttpResponse<String> response = post("Action=CreateTopic&Version=2010-03-31");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(text(parseXml(response.body()), "Code")).isEqualTo("InvalidParameter");
    }

    @Test
    void successfulResponseUsesTheSnsEnvelope() throws Exception {
        HttpResponse<String> response = post("Action=CreateTopic&Version=2010-03-31&Name=envelope-check");

        assertThat(response.statusCode()).isEqualTo(200);
        Element root = parseXml(response.body());
        assertThat(root.getLocalName()).isEqualTo("CreateTopicResponse");
        assertThat(root.getNamespaceURI()).isEqualTo("http://sns.amazonaws.com/doc/2010-03-31/");
        assertThat(text(root, "TopicArn")).isEqualTo("arn:aws:sns:us-east-1:000000000000:envelope-check");
        assertThat(text(root, "RequestId")).isNotBlank();
    }

    @Test
    void sdkSeesInvalidFilterPoliciesAndProtocolsAsInvalidParameter() {
        try (SnsClient sns = LocalAwsClients.sns(standIn.endpoint())) {
            String topicArn = sns.createTopic(r -> r.name("validation")).topicArn();
            String subscriptionArn = sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(QUEUE_ARN))
                    .subscriptionArn();

            assertThatThrownBy(() -> sns.setSubscriptionAttributes(r -> r.subscriptionArn(subscriptionArn)
                    .attributeName("FilterPolicy").attributeValue("{\"type\":\"not-a-list\"}")))
                    .isInstanceOf(InvalidParameterException.class);
            assertThatThrownBy(() -> sns.subscribe(r -> r.topicArn(topicArn).protocol("https").endpoint("https://example.invalid")))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("sqs subscriptions only");
            assertThatThrownBy(() -> sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint("orders-queue")))
                    .isInstanceOf(InvalidParameterException.class);
        }
    }

    @Test
    void startFailsClearlyWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            SnsStandIn second = new SnsStandIn(settings(taken.getLocalPort()), unusedSqs);

            assertThatThrownBy(second::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("already in use");
        }
    }

    @Test
    void closeReleasesThePortAndTheHandlerThreads() {
        int port = standIn.endpoint().getPort();

        standIn.close();

        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().startsWith("sns-stand-in-" + port + "-"));
        standIn = startOn(port);
        assertThat(standIn.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + port));
    }

    private SnsStandIn startOn(int port) {
        SnsStandIn started = new SnsStandIn(settings(port), unusedSqs);
        started.start();
        return started;
    }

    private static SnsStandInSettings settings(int port) {
        return new SnsStandInSettings("127.0.0.1", port, "us-east-1", "000000000000", null);
    }

    private HttpResponse<String> post(String form) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(standIn.endpoint())
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Element parseXml(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    private static String text(Element root, String localName) {
        return root.getElementsByTagNameNS("*", localName).item(0).getTextContent();
    }
}
