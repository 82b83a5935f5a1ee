package routes.local.dynamodb.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import routes.local.dynamodb.engine.Commit;

/** Whatever the commits, streams rebuilt from them (wholly, or from a snapshot plus the rest) are the same. */
class StreamsReplayProperties {

    @Property(tries = 100)
    void replayAndSnapshotPlusReplayRebuildTheSameStreams(@ForAll("histories") List<Commit> commits,
            @ForAll @IntRange(min = 0, max = 100) int cutPercent) {
        StreamFixture live = new StreamFixture();
        commits.forEach(live.streams::committed);
        int cut = commits.size() * cutPercent / 100;
        StreamFixture first = new StreamFixture();
        commits.subList(0, cut).forEach(first.streams::committed);
        Streams restored = new Streams(StreamFixture.SETTINGS, first.clock);
        restored.restore(StreamsSnapshot.fromJson(first.streams.snapshot().toJson()));
        commits.subList(cut, commits.size()).forEach(restored::committed);

        assertThat(restored.snapshot()).isEqualTo(live.streams.snapshot());
        assertSequenceNumbersIncrease(live.streams.snapshot());
    }

    private static void assertSequenceNumbersIncrease(StreamsSnapshot snapshot) {
        for (StreamsSnapshot.StreamState stream : snapshot.streams()) {
            long previousEnd = 0;
            for (StreamsSnapshot.ShardState shard : stream.shards()) {
                assertThat(shard.startingSequenceNumber()).isGreaterThan(previousEnd);
                long previous = shard.startingSequenceNumber();
                for (StreamRecord record : shard.records()) {
                    assertThat(record.sequenceNumber()).isGreaterThan(previous);
                    previous = record.sequenceNumber();
                }
                if (shard.endingSequenceNumber() != null) {
                    assertThat(shard.endingSequenceNumber()).isEqualTo(previous);
                    previousEnd = shard.endingSequenceNumber();
                }
            }
        }
    }

    /** Table lifecycles and writes on two tables, minutes to hours apart, all within the retention. */
    @Provide
    Arbitrary<List<Commit>> histories() {
        Arbitrary<Integer> gapMinutes = Arbitraries.integers().between(0, 90);
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 9);
        Arbitrary<String> table = Arbitraries.of("a", "b");
        return Combinators.combine(gapMinutes, kind, table).as(Step::new).list().ofMaxSize(40).map(StreamsReplayProperties::commits);
    }

    private record Step(int gapMinutes, int kind, String table) {}

    private static List<Commit> commits(List<Step> steps) {
        List<Commit> commits = new ArrayList<>();
        Instant at = StreamFixture.START;
        commits.add(new Commit.TableCreated(at, StreamFixture.table("a", "NEW_AND_OLD_IMAGES", "a0")));
        commits.add(new Commit.TableCreated(at, StreamFixture.table("b", "KEYS_ONLY", "b0")));
        int labels = 0;
        for (Step step : steps) {
            at = at.plus(Duration.ofMinutes(step.gapMinutes()));
            String t = step.table();
            commits.add(switch (step.kind()) {
                case 0 -> new Commit.TableUpdated(at, StreamFixture.table(t, null, t + labels));
                case 1 -> new Commit.TableUpdated(at, StreamFixture.table(t, "NEW_IMAGE", t + (++labels)));
                case 2 -> new Commit.ItemsChanged(at, List.of(StreamFixture.put(t, "k", "v", null)), true);
                default -> new Commit.ItemsChanged(at, List.of(StreamFixture.put(t, "k" + step.kind(), null, "v"),
                        StreamFixture.put(t, "x", "v", "w")), false);
            });
        }
        return commits;
    }
}
