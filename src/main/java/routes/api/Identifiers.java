package routes.api;

/** The shape of the ids clients put in paths and bodies (order ids, SKUs): safe in keys, URLs and logs. */
public final class Identifiers {

    /** Anchored: the API document's JSON Schema patterns match anywhere in the value unless told otherwise. */
    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
    /** What a problem+json answer says when an id does not have that shape. */
    public static final String RULE = "must be 1 to 64 letters, digits, '.', '_' or '-'";

    private Identifiers() {}

    public static boolean wellFormed(String id) {
        return id.matches(PATTERN);
    }
}
