package dev.shiprun.runner.store;

/**
 * The store cannot do what was asked. The message is for the user: what failed, where, and what to
 * do; it never carries a secret (the store holds none in clear, and SQL values are not quoted into
 * it).
 */
public final class StoreException extends RuntimeException {

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
