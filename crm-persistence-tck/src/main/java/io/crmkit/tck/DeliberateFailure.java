package io.crmkit.tck;

/**
 * The failure a contract throws on purpose from inside a unit of work, of a type no store throws, so
 * the contract can tell its own exception from one the store made up.
 */
final class DeliberateFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DeliberateFailure(String message) {
        super(message);
    }
}
