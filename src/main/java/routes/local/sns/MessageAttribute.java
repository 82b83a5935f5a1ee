package routes.local.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Base64;

/**
 * One SNS message attribute as published: its data type (String, Number, Binary, String.Array,
 * optionally with a custom suffix such as {@code String.json}) and its value. A binary value is kept
 * base64-encoded, as it travels in the Query protocol and in the notification envelope.
 */
record MessageAttribute(String dataType, String stringValue, String binaryValue) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Validates the attribute the way SNS does before accepting a Publish. */
    static MessageAttribute of(String name, String dataType, String stringValue, String binaryValue) {
        if (dataType == null || dataType.isEmpty()) {
            throw SnsError.invalidParameterValue(
                    "The message attribute '" + name + "' must contain non-empty message attribute type.");
        }
        MessageAttribute attribute = new MessageAttribute(dataType, stringValue, binaryValue);
        if (attribute.isBinary()) {
            requireValue(name, dataType, binaryValue);
            requireBase64(name, binaryValue);
        } else if (attribute.isStringArray()) {
            requireValue(name, dataType, stringValue);
            requireJsonArray(name, stringValue);
        } else if (attribute.isNumber()) {
            requireValue(name, dataType, stringValue);
            requireNumber(name, stringValue);
        } else if (baseType(dataType).equals("String")) {
            requireValue(name, dataType, stringValue);
        } else {
            throw SnsError.invalidParameterValue("The message attribute '" + name + "' has an invalid message "
                    + "attribute type, the set of supported type prefixes is Binary, Number, and String.");
        }
        return attribute;
    }

    boolean isBinary() {
        return baseType(dataType).equals("Binary");
    }

    boolean isNumber() {
        return baseType(dataType).equals("Number");
    }

    boolean isStringArray() {
        return dataType.equals("String.Array");
    }

    /** The value as the notification envelope shows it: the string, or the base64 of a binary value. */
    String displayValue() {
        return isBinary() ? binaryValue : stringValue;
    }

    byte[] binaryBytes() {
        return Base64.getDecoder().decode(binaryValue);
    }

    private static String baseType(String dataType) {
        int dot = dataType.indexOf('.');
        return dot < 0 ? dataType : dataType.substring(0, dot);
    }

    private static void requireValue(String name, String dataType, String value) {
        if (value == null || value.isEmpty()) {
            throw SnsError.invalidParameterValue("The message attribute '" + name
                    + "' must contain non-empty message attribute value for message attribute type '" + dataType + "'.");
        }
    }

    private static void requireNumber(String name, String value) {
        try {
            new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw SnsError.invalidParameterValue("Could not cast message attribute '" + name + "' value to number.");
        }
    }

    private static void requireBase64(String name, String value) {
        try {
            Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw SnsError.invalidParameterValue("The message attribute '" + name + "' has an invalid binary value.");
        }
    }

    private static void requireJsonArray(String name, String value) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            parsed = null;
        }
        if (parsed == null || !parsed.isArray()) {
            throw SnsError.invalidParameterValue(
                    "The message attribute '" + name + "' with type 'String.Array' must be a JSON array.");
        }
    }
}
