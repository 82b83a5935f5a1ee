package routes.local.sns;

import java.util.Map;

/** Writes SNS Query-protocol XML responses: the success envelope, the error document and escaped elements. */
final class XmlResponseWriter {

    static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    private XmlResponseWriter() {
    }

    /**
     * The response document of a successful action.
     *
     * @param resultXml inner XML of {@code <ActionResult>}, or null for actions whose AWS response has no result element
     */
    static String success(String action, String resultXml, String requestId) {
        StringBuilder xml = new StringBuilder(256)
                .append('<').append(action).append("Response xmlns=\"").append(NAMESPACE).append("\">");
        if (resultXml != null) {
            xml.append('<').append(action).append("Result>").append(resultXml)
                    .append("</").append(action).append("Result>");
        }
        return xml.append("<ResponseMetadata>").append(element("RequestId", requestId)).append("</ResponseMetadata>")
                .append("</").append(action).append("Response>")
                .toString();
    }

    static String error(SnsError error, String requestId) {
        return "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error>"
                + element("Type", error.faultType())
                + element("Code", error.code())
                + element("Message", error.getMessage())
                + "</Error>" + element("RequestId", requestId) + "</ErrorResponse>";
    }

    static String element(String name, String value) {
        return '<' + name + '>' + escape(value) + "</" + name + '>';
    }

    /** A key/value map the way SNS returns attributes: {@code <entry><key>..</key><value>..</value></entry>}. */
    static String entries(Map<String, String> values) {
        StringBuilder xml = new StringBuilder();
        values.forEach((key, value) -> xml.append("<entry>").append(element("key", key))
                .append(element("value", value)).append("</entry>"));
        return xml.toString();
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                case '\r' -> escaped.append("&#xD;");
                // characters XML 1.0 cannot carry at all, e.g. a NUL in an echoed action name
                default -> escaped.append(c < 0x20 && c != '\t' && c != '\n' ? '\uFFFD' : c);
            }
        }
        return escaped.toString();
    }
}
