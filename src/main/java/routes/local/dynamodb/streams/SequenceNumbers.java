package routes.local.dynamodb.streams;

import routes.local.dynamodb.api.DynamoDbException;

/**
 * Stream sequence numbers on the wire: decimal strings of 21 digits, zero padded, so they sort as
 * strings the way they sort as numbers (API Reference, "StreamRecord": SequenceNumber, 21 to 40 digits).
 */
final class SequenceNumbers {

    private SequenceNumbers() {}

    static String format(long sequenceNumber) {
        return String.format("%021d", sequenceNumber);
    }

    static long parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 40 || !text.chars().allMatch(Character::isDigit)) {
            throw DynamoDbException.validation("Invalid SequenceNumber: " + text);
        }
        String digits = text.replaceFirst("^0+(?=.)", "");
        if (digits.length() > 18) {
            throw DynamoDbException.validation("Invalid SequenceNumber: " + text);
        }
        return Long.parseLong(digits);
    }
}
