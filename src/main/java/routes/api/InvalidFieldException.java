package routes.api;

/** A request field that is well-formed but not acceptable (an unknown SKU, a missing price): HTTP 400. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
