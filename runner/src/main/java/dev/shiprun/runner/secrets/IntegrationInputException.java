package dev.shiprun.runner.secrets;

/**
 * The fields given for an integration break its type's rules (unknown type or field, a bad URL, a
 * required field missing). One line for the user, with the fix; never a field's value, which may be
 * a secret (a URL field may be one too).
 */
public final class IntegrationInputException extends RuntimeException {

  public IntegrationInputException(String message) {
    super(message);
  }
}
