package routes.local.dynamodb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static routes.local.dynamodb.engine.EmulatorClients.key;
import static routes.local.dynamodb.engine.EmulatorClients.s;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import routes.local.dynamodb.DynamoDbEmulator;
import routes.local.dynamodb.DynamoDbEmulatorSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** What streams and the durable log are told: one commit per successful write, none for a write that changed nothing. */
class CommitListenerTest {

    private static DynamoDbEmulator emulator;
    private static DynamoDbClient dynamo;
    private static final List<Commit> commits = new CopyOnWriteArrayList<>();
    private static final List<Long> awaited = new CopyOnWriteArrayList<>();
    private static String orders;
    private static String outbox;

    @BeforeAll
    static void startWithARecordingListener() {
        emulator = DynamoDbEmulator.start(DynamoDbEmulatorSettings.defaults().withPort(0));
        AtomicLong positions = new AtomicLong();
        emulator.database().addListener(new CommitListener() {
            @Override
            public long committed(Commit commit) {
                commits.add(commit);
                return positions.incrementAndGet();
            }

            @Override
            public void awaitDurable(long position) {
                awaited.add(position);
            }
        });
        dynamo = EmulatorClients.clientFor(emulator);
        orders = EmulatorClients.createTable(dynamo, "l-orders", null);
        outbox = EmulatorClients.createTable(dynamo, "l-outbox", null);
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        emulator.close();
    }

    @BeforeEach
    void forgetEarlierCommits() {
        commits.clear();
    }

    @Test
    void tableCreationIsACommit() {
        String name = EmulatorClients.createTable(dynamo, "l-created", null);

        assertThat(commits).singleElement().isInstanceOfSatisfying(Commit.TableCreated.class,
                created -> assertThat(created.table().name()).isEqualTo(name));
    }

    @Test
    void putIsOneCommitWithOldAndNewImages() {
        dynamo.putItem(b -> b.tableName(orders).item(Map.of("pk", s("o1"), "v", s("1"))));
        dynamo.putItem(b -> b.tableName(orders).item(Map.of("pk", s("o1"), "v", s("2"))));

        assertThat(commits).hasSize(2);
        Commit.ItemsChanged second = (Commit.ItemsChanged) commits.get(1);
        ItemChange change = second.changes().get(0);
        assertThat(change.table()).isEqualTo(orders);
        assertThat(change.keys()).isEqualTo(Map.of("pk", routes.local.dynamodb.value.Value.s("o1")));
        assertThat(change.oldImage()).containsEntry("v", routes.local.dynamodb.value.Value.s("1"));
        assertThat(change.newImage()).containsEntry("v", routes.local.dynamodb.value.Value.s("2"));
        assertThat(second.byService()).isFalse();
        assertThat(awaited).isNotEmpty();
    }

    @Test
    void transactionIsOneCommitAcrossTables() {
        dynamo.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName(orders).item(Map.of("pk", s("o2"))).build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(outbox).item(Map.of("pk", s("e2"))).build()).build()));

        assertThat(commits).singleElement().isInstanceOfSatisfying(Commit.ItemsChanged.class,
                changed -> assertThat(changed.changes()).extracting(ItemChange::table).containsExactly(orders, outbox));
    }

    @Test
    void failedConditionCommitsNothing() {
        dynamo.putItem(b -> b.tableName(orders).item(Map.of("pk", s("o3"))));
        commits.clear();

        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(orders).item(Map.of("pk", s("o3")))
                .conditionExpression("attribute_not_exists(pk)"))).isInstanceOf(ConditionalCheckFailedException.class);

        assertThat(commits).isEmpty();
    }

    // Developer Guide, "Change data capture for DynamoDB Streams": a write that changes nothing writes no record.
    @Test
    void writesThatChangeNothingCommitNothing() {
        dynamo.putItem(b -> b.tableName(orders).item(Map.of("pk", s("o4"), "v", s("same"))));
        commits.clear();

        dynamo.putItem(b -> b.tableName(orders).item(Map.of("pk", s("o4"), "v", s("same"))));
        dynamo.deleteItem(b -> b.tableName(orders).key(key("never-there")));
        dynamo.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().update(Update.builder().tableName(orders)
                .key(key("o4")).updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", s("same"))).build()).build()));

        assertThat(commits).isEmpty();
    }

    @Test
    void deleteCommitsTheOldImageOnly() {
        dynamo.putItem(b -> b.tableName(orders).item(Map.of("pk", s("o5"))));
        commits.clear();

        dynamo.deleteItem(b -> b.tableName(orders).key(key("o5")));

        ItemChange change = ((Commit.ItemsChanged) commits.get(0)).changes().get(0);
        assertThat(change.oldImage()).isNotNull();
        assertThat(change.newImage()).isNull();
    }
}
