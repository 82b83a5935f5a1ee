package routes.api;

import java.io.IOException;

/** The request body passed the size limit while it was read: HTTP 413. */
public class PayloadTooLargeException extends IOException {
    public PayloadTooLargeException(long limit) {
        super("Request body is larger than " + limit + " bytes");
    }
}
