package routes.saga.lra;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the participant URLs this instance gives the coordinator, and checks the callbacks that come
 * back: an HMAC-SHA256, under the shared secret, of the callback's path, its saga id and its query
 * parameters. A signature fits one callback of one saga, so even the coordinator's own records let
 * no one compensate another order or turn a completion into a compensation.
 */
public final class CallbackSignature {

    /** The query parameter that carries the signature. */
    public static final String PARAMETER = "sagaSignature";

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public CallbackSignature(byte[] secret) {
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** The URL {@code base + path}, its parameters and their signature in the query. */
    public String signedUrl(String base, String path, String sagaId, Map<String, String> parameters) {
        SortedMap<String, String> query = new TreeMap<>(parameters);
        query.put(PARAMETER, sign(path, sagaId, parameters));
        StringJoiner encoded = new StringJoiner("&");
        query.forEach((name, value) -> encoded.add(encode(name) + "=" + encode(value)));
        return base + path + "?" + encoded;
    }

    /** The signature of a callback: its path, saga id and parameters (the signature itself left out). */
    public String sign(String path, String sagaId, Map<String, String> parameters) {
        SortedMap<String, String> sorted = new TreeMap<>(parameters);
        sorted.remove(PARAMETER);
        StringBuilder canonical = new StringBuilder(path).append('\n').append(sagaId);
        sorted.forEach((name, value) -> canonical.append('\n').append(name).append('=').append(value));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac().doFinal(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** True when {@code signature} is the one this secret gives the callback (compared in constant time). */
    public boolean verify(String path, String sagaId, Map<String, String> parameters, String signature) {
        if (signature == null || sagaId == null) {
            return false;
        }
        byte[] expected = sign(path, sagaId, parameters).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
