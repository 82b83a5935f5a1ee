package routes.local.sns;

import java.net.URI;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Placeholder until the stand-in lands; replaced by the real implementation. */
public final class SnsStandIn implements AutoCloseable {
    private final SnsStandInSettings settings;
    public SnsStandIn(SnsStandInSettings settings, SqsClient sqs) { this.settings = settings; }
    public void start() {}
    public URI endpoint() { return URI.create("http://" + settings.host() + ":" + settings.port()); }
    @Override public void close() {}
}
