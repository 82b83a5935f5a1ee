package routes.payment;

import routes.saga.TransientFailure;

/** The provider failed in a way that a retry may fix (overloaded, unreachable). */
public class TransientPaymentException extends TransientFailure {
    public TransientPaymentException(String message) {
        super(message);
    }
}
