package routes.api;

/** The request contradicts what is already there (an order id reused with another body): HTTP 409. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
