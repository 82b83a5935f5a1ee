package routes.local;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.elasticmq.server.ElasticMQServer;
import org.elasticmq.server.config.ElasticMQServerConfig;
import scala.Function0;

/** ElasticMQ 1.7.1 (SQS) inside this JVM. */
final class ElasticMqServer implements AutoCloseable {

    private final Function0<?> shutdown;

    private ElasticMqServer(Function0<?> shutdown) {
        this.shutdown = shutdown;
    }

    /**
     * Starts in memory, or with queues and messages in an H2 file under {@code dataDir}.
     * WRITE_DELAY=0 makes H2 write through, so a kill -9 loses no acknowledged message.
     */
    static ElasticMqServer start(String host, int port, String region, String accountId, Path dataDir) throws Exception {
        Map<String, Object> settings = new HashMap<>();
        settings.put("rest-sqs.bind-hostname", host);
        settings.put("rest-sqs.bind-port", port);
        settings.put("node-address.host", host);
        settings.put("node-address.port", port);
        settings.put("generate-node-address", false);
        settings.put("aws.region", region);
        settings.put("aws.accountId", accountId);
        if (dataDir != null) {
            Path dir = Files.createDirectories(dataDir.resolve("elasticmq"));
            settings.put("messages-storage.enabled", true);
            settings.put("messages-storage.uri",
                    "jdbc:h2:" + dir.toAbsolutePath().resolve("messages") + ";WRITE_DELAY=0");
        }
        Config config = ConfigFactory.parseMap(settings).withFallback(ConfigFactory.load());
        Function0<?> shutdown = new ElasticMQServer(new ElasticMQServerConfig(config)).start();
        return new ElasticMqServer(shutdown);
    }

    @Override
    public void close() {
        shutdown.apply();
    }
}
