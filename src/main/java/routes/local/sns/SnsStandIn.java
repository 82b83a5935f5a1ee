package routes.local.sns;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A local development stand-in for Amazon SNS, NOT for production: nothing on this stack emulates
 * SNS inside a JVM, so the embedded mode runs this next to ElasticMQ. It speaks the SNS Query protocol
 * (what the AWS SDK v2 SnsClient and the AWS CLI send) on the JDK's HTTP server, keeps topics and sqs
 * subscriptions (optionally in a JSON state file) and delivers every Publish synchronously into the
 * subscribed queues through the given SqsClient, honouring raw delivery and filter policies.
 * No authentication, signatures, retries or non-sqs protocols.
 */
public final class SnsStandIn implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SnsStandIn.class);
    private static final int HANDLER_THREADS = 4;

    private final SnsStandInSettings settings;
    private final SqsClient sqs;
    // Outlives start/stop cycles: a stand-in stopped and started again keeps its topics, like SNS after an outage.
    private final TopicRegistry registry;
    private HttpServer server;
    private ExecutorService executor;
    private URI endpoint;

    public SnsStandIn(SnsStandInSettings settings, SqsClient sqs) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.registry = new TopicRegistry(settings.region(), settings.accountId(),
                settings.stateFile() == null ? null : new TopicStateFile(settings.stateFile()));
        registry.load();
    }

    /** Starts listening (the state file, if any, was loaded on construction); fails with IllegalStateException when the port is taken. */
    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("SNS stand-in is already running on " + endpoint);
        }
        HttpServer bound = bind();
        URI uri = uriOf(bound.getAddress());
        Map<String, SnsAction> actions = new HashMap<>();
        new TopicActions(registry).register(actions);
        new SubscriptionActions(registry).register(actions);
        TopicPublisher publisher = new TopicPublisher(registry, new SqsQueueSender(sqs), new NotificationEnvelope(uri));
        new PublishActions(registry, publisher, Clock.systemUTC()).register(actions);
        bound.createContext("/", new SnsHttpHandler(new QueryRequestParser(), actions));
        executor = Executors.newFixedThreadPool(HANDLER_THREADS, handlerThreads(uri.getPort()));
        bound.setExecutor(executor);
        bound.start();
        server = bound;
        endpoint = uri;
        log.info("SNS stand-in (local development only) listening on {}{}", uri,
                settings.stateFile() == null ? "" : ", state in " + settings.stateFile().toAbsolutePath());
    }

    /** Where SnsClient.endpointOverride should point; with port 0 this carries the port actually bound. */
    public synchronized URI endpoint() {
        if (endpoint == null) {
            throw new IllegalStateException("SNS stand-in is not started");
        }
        return endpoint;
    }

    /** Stops listening, releases the port and ends the handler threads. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("SNS stand-in handler threads did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("SNS stand-in on {} stopped", endpoint);
        server = null;
        executor = null;
        endpoint = null;
    }

    private HttpServer bind() {
        String where = settings.host() + ":" + settings.port();
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getByName(settings.host()), settings.port()), 0);
        } catch (BindException e) {
            throw new IllegalStateException("SNS stand-in cannot listen on " + where
                    + ": the port is already in use (or the address is not local)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("SNS stand-in cannot listen on " + where, e);
        }
    }

    private URI uriOf(InetSocketAddress address) {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return URI.create("http://" + host + ":" + address.getPort());
    }

    private static ThreadFactory handlerThreads(int port) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sns-stand-in-" + port + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
