package routes.aws.resources;

import java.util.List;

/**
 * A DynamoDB table as the application needs it. Every key attribute is a string unless listed in
 * {@link Key#numeric}.
 *
 * @param streamNewImage  stream enabled with NEW_IMAGE (the outbox relay reads it)
 * @param ttlAttribute    attribute DynamoDB's TTL deletes by, or null
 */
public record TableSpec(String name, Key key, List<IndexSpec> indexes, boolean streamNewImage, String ttlAttribute) {

    /** A hash key and an optional range key. */
    public record Key(String hash, String range, boolean numericRange) {
        public static Key hash(String hash) {
            return new Key(hash, null, false);
        }

        public static Key hashAndRange(String hash, String range) {
            return new Key(hash, range, false);
        }

        public static Key hashAndNumericRange(String hash, String range) {
            return new Key(hash, range, true);
        }
    }

    /** A global secondary index projecting all attributes. */
    public record IndexSpec(String name, Key key) {}
}
