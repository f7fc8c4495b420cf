package dispatch.membership;

/**
 * The payment service could not be reached, or refused a request. Nothing has changed on our
 * side when it is thrown; the reader is told to try again.
 */
public final class PaymentGatewayException extends RuntimeException {
    public PaymentGatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
