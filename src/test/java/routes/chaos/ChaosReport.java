package routes.chaos;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a chaos run prints: each invariant with its numbers and PASS/FAIL, then the figures and the verdict. */
final class ChaosReport {

    private final List<Invariant> invariants = new ArrayList<>();
    private final List<String> figures = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    void invariants(List<Invariant> checked) {
        invariants.addAll(checked);
        checked.stream().filter(i -> !i.passed()).forEach(i -> failures.add("invariant failed: " + i.name()));
    }

    void figure(String name, Object value) {
        figures.add(String.format("  %-42s %s", name, value));
    }

    /** A condition of the run besides the invariants (500s, crash cancellations, faults applied) that fails it. */
    void require(boolean holds, String failure) {
        if (!holds) {
            failures.add(failure);
        }
    }

    boolean passed() {
        return failures.isEmpty();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    List<Invariant> checkedInvariants() {
        return List.copyOf(invariants);
    }

    void print(PrintStream out) {
        out.println();
        out.println("== Invariants");
        for (Invariant invariant : invariants) {
            out.printf("[%s] %s%n       %s%n", invariant.passed() ? "PASS" : "FAIL", invariant.name(), invariant.numbers());
            if (!invariant.passed()) {
                invariant.examples().forEach(example -> out.println("       e.g. " + example));
            }
        }
        out.println("== Figures");
        figures.forEach(out::println);
        out.println("== Verdict");
        if (failures.isEmpty()) {
            out.println("PASS");
        } else {
            failures.forEach(failure -> out.println("FAIL: " + failure));
        }
    }

    static String seconds(Instant from, Instant to) {
        if (from == null || to == null) {
            return "n/a";
        }
        return String.format("%.1f s", Math.max(0, Duration.between(from, to).toMillis()) / 1000.0);
    }
}
