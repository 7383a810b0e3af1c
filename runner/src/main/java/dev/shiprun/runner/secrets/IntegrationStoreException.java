package dev.shiprun.runner.secrets;

/**
 * The integration store cannot be used as asked: a wrong or missing master key, a file it cannot
 * read or write, an unknown name. The message is one line for the user, with the fix; it never
 * holds a secret.
 */
public final class IntegrationStoreException extends RuntimeException {

  public IntegrationStoreException(String message) {
    super(message);
  }
}
