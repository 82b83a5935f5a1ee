package routes.saga;

import java.util.concurrent.CompletionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Tells the failures worth retrying (throttling, timeouts, an unreachable service) from the rest. */
public final class TransientFailures {

    private TransientFailures() {}

    public static boolean isTransient(Throwable failure) {
        if (failure instanceof CompletionException && failure.getCause() != null) {
            // A saga service's asynchronous answer (a join the coordinator was too busy for).
            return isTransient(failure.getCause());
        }
        if (failure instanceof TransientFailure || failure instanceof SdkClientException) {
            return true;
        }
        if (failure instanceof TransactionCanceledException cancelled && cancelled.hasCancellationReasons()) {
            return cancelled.cancellationReasons().stream()
                    .anyMatch(r -> "ThrottlingError".equals(r.code()) || "TransactionConflict".equals(r.code()));
        }
        if (failure instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        return false;
    }
}
