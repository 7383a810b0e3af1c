package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.runner.cli.boot.CommandFactory;
import dev.shiprun.runner.cli.boot.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code shiprun validate} with no PATH, run from an empty directory (via shiprun.cwd). */
class ValidateEmptyDirectoryTest {

  @Test
  void reportsNothingToLoadInEmptyDirectory(@TempDir Path dir) {
    Settings settings = new Settings(Optional.of(dir.toString()), false);
    ShiprunCommandLine commandLine =
        new ShiprunCommandLine(
            new CommandFactory(Map.of(), settings, "unknown", Optional.empty()), false);
    StringWriter err = new StringWriter();
    CommandLine validate = commandLine.create("validate").setErr(new PrintWriter(err, true));

    assertEquals(1, validate.execute("validate"));
    assertTrue(err.toString().contains("error[AL009]: no assembly line here"), err.toString());
    assertTrue(err.toString().contains("invalid: 1 error, 0 warnings"), err.toString());
  }
}
