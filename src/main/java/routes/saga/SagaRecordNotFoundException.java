package routes.saga;

/** No saga log row with this id: a step or compensation was asked to act on a saga that never began. */
public class SagaRecordNotFoundException extends RuntimeException {
    public SagaRecordNotFoundException(String id) {
        super("No saga row for " + id);
    }
}
