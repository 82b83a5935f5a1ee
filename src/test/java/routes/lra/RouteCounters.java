package routes.lra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Iterator;
import routes.support.ApplicationProcess;

/**
 * Camel's exchange counters of one instance's routes and route steps, read through Jolokia as
 * Hawtio reads them: they tell on which instance a saga step ran.
 */
final class RouteCounters {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApplicationProcess instance;

    private RouteCounters(ApplicationProcess instance) {
        this.instance = instance;
    }

    static RouteCounters of(ApplicationProcess instance) {
        return new RouteCounters(instance);
    }

    /** Exchanges that went through the route, failed or not. */
    long total(String routeId) throws IOException, InterruptedException {
        return read("routes", routeId, "ExchangesTotal");
    }

    long completed(String routeId) throws IOException, InterruptedException {
        return read("routes", routeId, "ExchangesCompleted");
    }

    /** Exchanges inside the route step with this id right now. */
    long inflightAt(String processorId) throws IOException, InterruptedException {
        return read("processors", processorId, "ExchangesInflight");
    }

    private long read(String type, String id, String attribute) throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode().put("type", "read")
                .put("mbean", "org.apache.camel:type=" + type + ",name=\"" + id + "\",*").put("attribute", attribute);
        HttpResponse<String> answer = instance.send("POST", "/actuator/jolokia", request.toString());
        JsonNode result = JSON.readTree(answer.body());
        // A pattern read answers {mbean name: {attribute: value}}, one entry per matching MBean.
        Iterator<JsonNode> matches = result.path("value").elements();
        if (result.path("status").asInt() != 200 || !matches.hasNext()) {
            throw new IllegalStateException("no " + attribute + " of " + type + " " + id + ": " + answer.body());
        }
        return matches.next().path(attribute).asLong();
    }
}
