package dev.shiprun.runner.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.shiprun.runner.store.Store;
import dev.shiprun.runner.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/** What the commands that read the store share: opening it, errors, JSON. */
public final class StoreCommands {

  private StoreCommands() {}

  /**
   * Runs {@code work} on the store of {@code home}; a home without a store is reported, not created
   * (reading history must not make one).
   */
  static int withStore(CommandSpec spec, String command, Path home, Function<Store, Integer> work) {
    PrintWriter err = spec.commandLine().getErr();
    // A home this user cannot enter hides its store: Store.open says so, not "no runs yet".
    boolean enterable = !Files.isDirectory(home) || Files.isExecutable(home);
    if (enterable && !Files.isDirectory(home.resolve("store"))) {
      err.println(
          "shiprun "
              + command
              + ": no runs yet in "
              + home
              + " (run 'shiprun run' first, or give the --home it used)");
      err.flush();
      return ExitCode.FAILED.code();
    }
    try (Store store = Store.open(home, new ObjectMapper())) {
      return work.apply(store);
    } catch (StoreException e) {
      err.println("shiprun " + command + ": " + e.getMessage());
      err.flush();
      return ExitCode.INTERNAL.code();
    }
  }

  public static String json(Object value) {
    try {
      return new ObjectMapper()
          .findAndRegisterModules()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
