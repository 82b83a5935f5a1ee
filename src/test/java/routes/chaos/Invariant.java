package routes.chaos;

import java.util.List;

/** One property the run must leave true, with the numbers that show it and, when it fails, examples. */
record Invariant(String name, boolean passed, String numbers, List<String> examples) {

    static Invariant of(String name, boolean passed, String numbers, List<String> examples) {
        return new Invariant(name, passed, numbers, examples.stream().limit(5).toList());
    }
}
