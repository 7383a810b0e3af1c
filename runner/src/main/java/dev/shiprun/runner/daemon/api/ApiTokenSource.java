package dev.shiprun.runner.daemon.api;

import dev.shiprun.runner.daemon.DaemonException;
import dev.shiprun.runner.secrets.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the daemon's token comes from: {@code SHIPRUN_API_TOKEN} when set, else {@code
 * <home>/api-token}, which the first start creates (0600 from its creation, 32 random bytes,
 * base64url). The caller shows the token once, when {@link Resolved#created()} says it is new.
 */
public final class ApiTokenSource {

  public static final String ENVIRONMENT = "SHIPRUN_API_TOKEN";
  static final String FILE = "api-token";

  /** The token, where it came from (for messages: a variable's name or a path), and whether new. */
  public record Resolved(ApiToken token, String source, boolean created) {}

  private ApiTokenSource() {}

  public static Resolved resolve(Path home, Map<String, String> environment) {
    String fromEnvironment = environment.get(ENVIRONMENT);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return new Resolved(ApiToken.of(fromEnvironment), ENVIRONMENT, false);
    }
    Path file = home.resolve(FILE);
    if (Files.exists(file)) {
      return new Resolved(read(file), file.toString(), false);
    }
    ApiToken fresh = ApiToken.random();
    try {
      PrivateFiles.createNew(file, fresh.reveal() + "\n");
    } catch (FileAlreadyExistsException raced) {
      // Another daemon on this home made it first: use that one, and show none.
      return new Resolved(read(file), file.toString(), false);
    } catch (IOException e) {
      throw new DaemonException(
          "cannot create the API token "
              + file
              + ": "
              + e.getMessage()
              + "; give a writable --home");
    }
    return new Resolved(fresh, file.toString(), true);
  }

  private static ApiToken read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new DaemonException(
          "cannot read the API token " + file + ": " + e.getMessage() + "; check its permissions");
    }
    if (text.isBlank()) {
      throw new DaemonException(
          "the API token file "
              + file
              + " is empty; delete it to have a new one made, or set "
              + ENVIRONMENT);
    }
    return ApiToken.of(text);
  }
}
