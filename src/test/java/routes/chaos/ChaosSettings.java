package routes.chaos;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What one chaos run does: {@code ORDERS CONCURRENCY KILLS} as positional arguments, the rest as
 * {@code --name=value} options.
 *
 * @param orders                  orders placed through the API
 * @param concurrency             clients placing them at once
 * @param kills                   SIGKILLs of the application during the run, each followed by a restart
 * @param maxCrashCancellations   orders cancelled because of a crash that still pass the run
 * @param seed                    chooses the order mix and the moments of the kills
 * @param jar                     the packaged application
 * @param workDir                 data dir, cluster dir and one log per application run
 * @param portBase                HTTP port; DynamoDB, SQS and SNS on the next three
 * @param outage                  how long the payment provider is down: longer than a step's retries
 * @param quiescenceTimeout       how long to wait, after the last order, for everything to settle
 * @param lra                     {@code --saga-mode=lra}: sagas coordinated by an LRA coordinator the run starts
 * @param coordinatorKills        SIGKILLs of that coordinator during the run, each followed by a restart (lra only)
 */
public record ChaosSettings(int orders, int concurrency, int kills, int maxCrashCancellations, long seed, Path jar,
        Path workDir, int portBase, Duration outage, Duration quiescenceTimeout, boolean lra, int coordinatorKills) {

    public static ChaosSettings parse(String... args) {
        int[] positional = {2000, 16, 5};
        int next = 0;
        int maxCrashCancellations = 0;
        long seed = System.nanoTime();
        Path jar = null;
        Path workDir = Path.of("target", "chaos");
        int portBase = 18300;
        Duration outage = Duration.ofSeconds(12);
        Duration quiescence = Duration.ofMinutes(10);
        String sagaMode = "in-memory";
        int coordinatorKills = 0;
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                if (next == positional.length) {
                    throw new IllegalArgumentException("at most three positional arguments: ORDERS CONCURRENCY KILLS");
                }
                positional[next++] = Integer.parseInt(arg);
                continue;
            }
            String[] option = arg.substring(2).split("=", 2);
            if (option.length != 2) {
                throw new IllegalArgumentException("options take a value: --" + option[0] + "=...");
            }
            switch (option[0]) {
                case "max-crash-cancellations" -> maxCrashCancellations = Integer.parseInt(option[1]);
                case "seed" -> seed = Long.parseLong(option[1]);
                case "jar" -> jar = Path.of(option[1]);
                case "work-dir" -> workDir = Path.of(option[1]);
                case "port-base" -> portBase = Integer.parseInt(option[1]);
                case "outage-seconds" -> outage = Duration.ofSeconds(Long.parseLong(option[1]));
                case "quiescence-timeout-seconds" -> quiescence = Duration.ofSeconds(Long.parseLong(option[1]));
                case "saga-mode" -> sagaMode = option[1];
                case "coordinator-kills" -> coordinatorKills = Integer.parseInt(option[1]);
                default -> throw new IllegalArgumentException("unknown option --" + option[0]);
            }
        }
        if (!sagaMode.equals("in-memory") && !sagaMode.equals("lra")) {
            throw new IllegalArgumentException("--saga-mode is in-memory or lra, not " + sagaMode);
        }
        boolean lra = sagaMode.equals("lra");
        if (coordinatorKills > 0 && !lra) {
            throw new IllegalArgumentException("--coordinator-kills needs --saga-mode=lra: in-memory mode has no coordinator");
        }
        return new ChaosSettings(positional[0], positional[1], positional[2], maxCrashCancellations, seed,
                jar != null ? jar : PackagedApplication.findJar(Path.of("target")), workDir, portBase, outage, quiescence,
                lra, coordinatorKills);
    }

    public int httpPort() {
        return portBase;
    }

    public int dynamoDbPort() {
        return portBase + 1;
    }

    public int sqsPort() {
        return portBase + 2;
    }

    public int snsPort() {
        return portBase + 3;
    }

    /** The LRA coordinator's port in lra mode. */
    public int coordinatorPort() {
        return portBase + 10;
    }
}
