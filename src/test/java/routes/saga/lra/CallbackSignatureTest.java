package routes.saga.lra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CallbackSignatureTest {

    private static final String SAGA = "http://127.0.0.1:50000/lra-coordinator/0_1";
    private static final String PATH = "/lra-participant/compensate";
    private static final Map<String, String> PARAMETERS = Map.of(
            "Camel-Saga-Compensate", "direct://inventory-release", "orderId", "o-1");

    private final CallbackSignature signature = new CallbackSignature(secret('a'));

    @Test
    void aSignedUrlCarriesItsParametersAndASignatureThatVerifiesAfterTheServerDecodedThem() {
        String url = signature.signedUrl("http://127.0.0.1:8080", PATH, SAGA, Map.of(
                "Camel-Saga-Compensate", "direct://inventory-release", "orderId", "o 1&x=y"));

        URI uri = URI.create(url);
        assertThat(uri.getPath()).isEqualTo(PATH);
        Map<String, String> decoded = Arrays.stream(uri.getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> decode(pair[0]), pair -> decode(pair[1]), (a, b) -> a, TreeMap::new));
        assertThat(decoded).containsEntry("orderId", "o 1&x=y").containsEntry("Camel-Saga-Compensate", "direct://inventory-release");
        String given = decoded.remove(CallbackSignature.PARAMETER);
        assertThat(signature.verify(PATH, SAGA, decoded, given)).isTrue();
    }

    @Test
    void theSignatureFitsOneCallbackOfOneSagaOnly() {
        String given = signature.sign(PATH, SAGA, PARAMETERS);

        assertThat(signature.verify(PATH, SAGA, PARAMETERS, given)).isTrue();
        assertThat(signature.verify("/lra-participant/complete", SAGA, PARAMETERS, given)).as("another callback").isFalse();
        assertThat(signature.verify(PATH, SAGA + "2", PARAMETERS, given)).as("another saga").isFalse();
        assertThat(signature.verify(PATH, SAGA, Map.of("Camel-Saga-Compensate", "direct://inventory-release", "orderId", "o-2"), given))
                .as("another order").isFalse();
        assertThat(signature.verify(PATH, SAGA, Map.of("Camel-Saga-Compensate", "direct://order-cancel", "orderId", "o-1"), given))
                .as("another endpoint").isFalse();
        assertThat(signature.verify(PATH, SAGA, Map.of("orderId", "o-1"), given)).as("a parameter left out").isFalse();
    }

    @Test
    void anotherSecretsSignatureAndNoSignatureAreRefused() {
        String foreign = new CallbackSignature(secret('b')).sign(PATH, SAGA, PARAMETERS);

        assertThat(signature.verify(PATH, SAGA, PARAMETERS, foreign)).isFalse();
        assertThat(signature.verify(PATH, SAGA, PARAMETERS, null)).isFalse();
        assertThat(signature.verify(PATH, null, PARAMETERS, signature.sign(PATH, SAGA, PARAMETERS))).isFalse();
    }

    @Test
    void theParametersOrderDoesNotMatter() {
        Map<String, String> reversed = new TreeMap<>(java.util.Comparator.reverseOrder());
        reversed.putAll(PARAMETERS);

        assertThat(signature.sign(PATH, SAGA, reversed)).isEqualTo(signature.sign(PATH, SAGA, PARAMETERS));
    }

    private static byte[] secret(char fill) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) fill);
        return secret;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
