package routes.local.dynamodb.expr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * DynamoDB's reserved words (Developer Guide, "Reserved words in DynamoDB"), which a plain attribute
 * name in an expression may not be. The list lives in reserved-words.txt next to this class and is
 * read once; the check ignores case without allocating.
 */
final class ReservedWords {

    private static final Set<String> WORDS = load();

    private ReservedWords() {}

    static boolean contains(String name) {
        return WORDS.contains(name);
    }

    static int size() {
        return WORDS.size();
    }

    private static Set<String> load() {
        try (InputStream in = ReservedWords.class.getResourceAsStream("reserved-words.txt")) {
            if (in == null) throw new IllegalStateException("reserved-words.txt is missing from the class path");
            Set<String> words = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            for (String word : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\s+")) {
                if (!word.isEmpty()) words.add(word);
            }
            return Collections.unmodifiableSet(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
