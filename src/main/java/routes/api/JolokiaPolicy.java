package routes.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jolokia.server.core.restrictor.policy.PolicyRestrictor;
import org.jolokia.server.core.service.api.Restrictor;
import org.jolokia.server.core.util.HttpMethod;
import org.jolokia.server.core.util.RequestType;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Jolokia's access outside the local modes, from {@code jolokia/jolokia-access.xml}: Jolokia's own
 * policy decides reads and the deny list; an exec passes only for an operation the policy's
 * {@code <allow>} section names, because Jolokia alone lets through every operation it does not deny.
 */
final class JolokiaPolicy implements Restrictor {

    /** MBeans (an ObjectName, possibly a pattern) and the operations that may be executed on them. */
    private record Executable(ObjectName mbeans, Set<String> operations) {}

    private final PolicyRestrictor policy;
    private final List<Executable> executable;

    private JolokiaPolicy(PolicyRestrictor policy, List<Executable> executable) {
        this.policy = policy;
        this.executable = executable;
    }

    static JolokiaPolicy read(InputStream xml) throws IOException {
        byte[] document = xml.readAllBytes();
        return new JolokiaPolicy(new PolicyRestrictor(new ByteArrayInputStream(document)), executable(document));
    }

    @Override
    public boolean isTypeAllowed(RequestType type) {
        return type == RequestType.EXEC || policy.isTypeAllowed(type);
    }

    @Override
    public boolean isOperationAllowed(ObjectName name, String operation) {
        return policy.isOperationAllowed(name, operation) && executable.stream()
                .anyMatch(allowed -> allowed.mbeans().apply(name) && allowed.operations().contains(operation));
    }

    @Override
    public boolean isHttpMethodAllowed(HttpMethod method) {
        return policy.isHttpMethodAllowed(method);
    }

    @Override
    public boolean isAttributeReadAllowed(ObjectName name, String attribute) {
        return policy.isAttributeReadAllowed(name, attribute);
    }

    @Override
    public boolean isAttributeWriteAllowed(ObjectName name, String attribute) {
        return policy.isAttributeWriteAllowed(name, attribute);
    }

    @Override
    public boolean isRemoteAccessAllowed(String... hostOrAddress) {
        return policy.isRemoteAccessAllowed(hostOrAddress);
    }

    @Override
    public boolean isOriginAllowed(String origin, boolean onlyWhenStrictCheckingIsEnabled) {
        return policy.isOriginAllowed(origin, onlyWhenStrictCheckingIsEnabled);
    }

    @Override
    public boolean isObjectNameHidden(ObjectName name) {
        return policy.isObjectNameHidden(name);
    }

    /** The {@code <allow>} section's MBeans and their operations. */
    private static List<Executable> executable(byte[] document) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(document)).getDocumentElement();
            List<Executable> executable = new ArrayList<>();
            NodeList allowSections = root.getElementsByTagName("allow");
            for (int a = 0; a < allowSections.getLength(); a++) {
                NodeList mbeans = ((Element) allowSections.item(a)).getElementsByTagName("mbean");
                for (int m = 0; m < mbeans.getLength(); m++) {
                    Element mbean = (Element) mbeans.item(m);
                    Set<String> operations = new HashSet<>();
                    NodeList names = mbean.getElementsByTagName("operation");
                    for (int o = 0; o < names.getLength(); o++) {
                        operations.add(names.item(o).getTextContent().trim());
                    }
                    String name = mbean.getElementsByTagName("name").item(0).getTextContent().trim();
                    executable.add(new Executable(new ObjectName(name), Set.copyOf(operations)));
                }
            }
            return List.copyOf(executable);
        } catch (MalformedObjectNameException e) {
            throw new IOException("The Jolokia policy names an invalid MBean: " + e.getMessage(), e);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("The Jolokia policy is not readable XML: " + e.getMessage(), e);
        }
    }
}
