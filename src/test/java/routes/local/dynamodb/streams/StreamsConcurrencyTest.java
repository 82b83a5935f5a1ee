package routes.local.dynamodb.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static routes.local.dynamodb.streams.StreamFixture.put;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StreamsConcurrencyTest {

    @Test
    void readersFollowingTheShardWhileItIsWrittenSeeEveryRecordOnceInOrder() throws Exception {
        StreamFixture f = new StreamFixture();
        f.createTable("t", "NEW_IMAGE");
        int writes = 3000;
        String start = f.firstShardIterator("t");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        Future<?> writer = pool.submit(() -> {
            for (int i = 0; i < writes; i++) f.write(put("t", "k" + i, null, "v"));
        });
        List<Future<List<String>>> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            readers.add(pool.submit(() -> {
                List<String> seen = new ArrayList<>();
                String iterator = start;
                while (seen.size() < writes) {
                    JsonNode page = f.records(iterator);
                    page.get("Records").forEach(record -> seen.add(record.get("dynamodb").get("Keys").get("pk").get("S").asText()));
                    iterator = page.get("NextShardIterator").asText();
                }
                return seen;
            }));
        }

        writer.get(1, TimeUnit.MINUTES);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < writes; i++) expected.add("k" + i);
        for (Future<List<String>> reader : readers) {
            assertThat(reader.get(1, TimeUnit.MINUTES)).isEqualTo(expected);
        }
        pool.shutdown();
    }
}
