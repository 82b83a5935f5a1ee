package routes.local.sns;

import java.util.LinkedHashMap;
import java.util.Map;

/** A topic as the stand-in keeps it; immutable, replaced on change. */
record Topic(String name, String arn, Map<String, String> attributes) {

    Topic {
        attributes = Map.copyOf(attributes == null ? Map.of() : attributes);
    }

    boolean isFifo() {
        return name.endsWith(".fifo");
    }

    boolean contentBasedDeduplication() {
        return "true".equalsIgnoreCase(attributes.get("ContentBasedDeduplication"));
    }

    Topic withAttribute(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(attributes);
        changed.put(name, value);
        return new Topic(this.name, arn, changed);
    }
}
