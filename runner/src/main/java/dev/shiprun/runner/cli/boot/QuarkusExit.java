package dev.shiprun.runner.cli.boot;

import dev.shiprun.runner.cli.ExitCode;
import dev.shiprun.runner.cli.InternalErrorHandler;
import io.quarkus.runtime.QuarkusBindException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * Where Quarkus reports how the application ended: the command's exit code, or a failure to start.
 * Quarkus would log a failure to start with a stack trace and exit 1; shiprun says one line and
 * exits 3 (house style item 13). The usual one is the daemon's address being taken. The code then
 * goes to Quarkus's own exit handler: {@code System.exit} in production, a recorder in tests.
 */
public final class QuarkusExit implements BiConsumer<Integer, Throwable> {

  private final PrintStream err;
  private final boolean debug;
  private final BiConsumer<Integer, Throwable> exit;

  QuarkusExit(PrintStream err, boolean debug, BiConsumer<Integer, Throwable> exit) {
    this.err = err;
    this.debug = debug;
    this.exit = exit;
  }

  @Override
  public void accept(Integer exitCode, Throwable failure) {
    exit.accept(failure == null ? exitCode : report(failure), failure);
  }

  private int report(Throwable failure) {
    PrintWriter out = new PrintWriter(err, true);
    QuarkusBindException bind = bindException(failure);
    if (bind == null && certificateFailure(failure)) {
      out.println(
          "shiprun daemon: the certificate (--tls-cert) and key (--tls-key) cannot be used: "
              + rootReason(failure)
              + "; give a PEM certificate and its own unencrypted private key");
      return ExitCode.INTERNAL.code();
    }
    if (bind == null) {
      return new InternalErrorHandler(debug).report(failure, out);
    }
    out.println(
        "shiprun daemon: " + describe(address(bind.getHost(), bind.getPort()), reason(bind)));
    return ExitCode.INTERNAL.code();
  }

  /** One line for a listener that could not bind, with what to do about it. */
  static String describe(String address, String reason) {
    if (reason.toLowerCase(Locale.ROOT).contains("in use")) {
      return "cannot listen on "
          + address
          + ": the address is in use (another shiprun daemon?); stop that process, or choose"
          + " another port with --port";
    }
    return "cannot listen on "
        + address
        + ": "
        + reason.toLowerCase(Locale.ROOT)
        + "; choose an address of this machine with --bind, such as 127.0.0.1 or 0.0.0.0";
  }

  /** {@code host:port}, an IPv6 host in brackets as in a URL. */
  public static String address(String host, int port) {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  private static QuarkusBindException bindException(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof QuarkusBindException bind) {
        return bind;
      }
    }
    return null;
  }

  /** Whether the TLS registry refused the API's certificate and key as Quarkus started. */
  private static boolean certificateFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IllegalStateException
          && String.valueOf(t.getMessage())
              .contains("certificate '" + BootProperties.TLS_CONFIGURATION + "'")) {
        return true;
      }
    }
    return false;
  }

  /** The innermost cause's message, lower case, one line (a parser's words; never key bytes). */
  private static String rootReason(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
    message = message.substring(message.lastIndexOf(": ") + 1).strip();
    if (message.length() > 160) {
      message = message.substring(0, 160) + "…";
    }
    return message.isEmpty() ? root.getClass().getSimpleName() : message.toLowerCase(Locale.ROOT);
  }

  /** The operating system's words: Quarkus puts them after its own "host and port: …: ". */
  private static String reason(QuarkusBindException bind) {
    String message = String.valueOf(bind.getMessage());
    return message.substring(message.lastIndexOf(": ") + 1).strip();
  }
}
