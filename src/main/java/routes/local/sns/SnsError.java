package routes.local.sns;

/**
 * An SNS error as the Query protocol reports it: a code the AWS SDK maps to an exception class,
 * an HTTP status and whether the caller (Sender) or the service (Receiver) is at fault.
 */
final class SnsError extends RuntimeException {

    private final String code;
    private final int httpStatus;
    private final boolean senderFault;

    SnsError(String code, String message, int httpStatus, boolean senderFault) {
        super(message, null, false, false);
        this.code = code;
        this.httpStatus = httpStatus;
        this.senderFault = senderFault;
    }

    static SnsError invalidParameter(String message) {
        return new SnsError("InvalidParameter", message, 400, true);
    }

    static SnsError invalidParameterValue(String message) {
        return new SnsError("InvalidParameterValue", message, 400, true);
    }

    static SnsError notFound(String message) {
        return new SnsError("NotFound", message, 404, true);
    }

    static SnsError sender(String code, String message) {
        return new SnsError(code, message, 400, true);
    }

    static SnsError internal(String message) {
        return new SnsError("InternalError", message, 500, false);
    }

    String code() {
        return code;
    }

    int httpStatus() {
        return httpStatus;
    }

    boolean senderFault() {
        return senderFault;
    }

    String faultType() {
        return senderFault ? "Sender" : "Receiver";
    }
}
