package routes.local.sns;

import routes.support.FauxqsProcess;
import routes.support.LocalAwsClients;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * ElasticMQ in this JVM on 127.0.0.1 and a free port, in us-east-1 under account 000000000000, so its
 * queue ARNs read {@code arn:aws:sqs:us-east-1:000000000000:NAME} like the embedded mode's.
 */
final class ElasticMqForTests implements AutoCloseable {

    static final String ACCOUNT_ID = "000000000000";

    private final SQSRestServer server;
    private final URI endpoint;

    private ElasticMqForTests(SQSRestServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    static ElasticMqForTests start() {
        SQSRestServer server = SQSRestServerBuilder
                .withInterface("127.0.0.1")
                .withDynamicPort()
                .withAWSRegion(LocalAwsClients.REGION.id())
                .withAWSAccountId(ACCOUNT_ID)
                .start();
        int port = server.waitUntilStarted().localAddress().getPort();
        return new ElasticMqForTests(server, URI.create("http://127.0.0.1:" + port));
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
