package routes.local.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Base of every conformance class: one target per class (our emulator or -Dddb.conformance.endpoint
 * unless a subclass picks dynalite), fixture tables created in @BeforeAll and dropped in @AfterAll.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TargetConditions.class)
public abstract class ConformanceCases {

    protected DynamoDbClient ddb;
    protected ScratchTables tables;

    /** The DynamoDB under test; dynalite subclasses override. */
    protected ConformanceTarget target() {
        return ConformanceTarget.selected();
    }

    @BeforeAll
    void connectToTarget() {
        ddb = target().dynamoDb();
        tables = new ScratchTables(target());
    }

    @AfterAll
    void dropScratchTables() {
        if (tables != null) {
            tables.deleteAll();
        }
    }

    /** The call fails with the SDK exception class, AWS error code (__type) and HTTP status given. */
    protected static <T extends AwsServiceException> T failsWith(Class<T> type, String errorCode, ThrowingCallable call) {
        T error = catchThrowableOfType(type, call);
        assertThat(error).as("expected %s (%s)", type.getSimpleName(), errorCode).isNotNull();
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo(errorCode);
        assertThat(error.statusCode()).isEqualTo(400);
        return error;
    }

    /** A ValidationException (HTTP 400), returned for checks on its message. */
    protected static AwsServiceException validationError(ThrowingCallable call) {
        return failsWith(AwsServiceException.class, "ValidationException", call);
    }
}
