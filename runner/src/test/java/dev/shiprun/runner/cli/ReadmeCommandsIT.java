package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands the samples' READMEs (and the README's "Running an assembly line") tell a new user
 * to type, run as written from the checkout on a fresh {@code $HOME}, with none of the variables a
 * sample's integrations file reads set unless the command sets it: each must exit 0. {@code
 * ./shiprun} is the packaged jar here (the script would build first).
 */
class ReadmeCommandsIT {

  private static final Pattern SHIPRUN = Pattern.compile("(^|[\\s;|&(])\\./shiprun(?=\\s|$)");

  @TempDir Path home;

  @Test
  void everySampleCommandWorksAsWritten() throws Exception {
    Path checkout = Path.of(System.getProperty("shiprun.checkout", "..")).toAbsolutePath();
    List<String> commands = new ArrayList<>();
    try (var samples = Files.list(checkout.resolve("samples"))) {
      for (Path sample : samples.sorted().toList()) {
        Path readme = sample.resolve("README.md");
        if (Files.isRegularFile(readme)) {
          List<String> own = commands(Files.readString(readme, StandardCharsets.UTF_8));
          assertTrue(
              own.stream().anyMatch(c -> c.contains("./shiprun plan ")),
              "a plan command in " + readme + ": " + own);
          commands.addAll(own);
        }
      }
    }
    assertTrue(commands.size() >= 6, "the samples' READMEs show their commands: " + commands);
    String readme = Files.readString(checkout.resolve("README.md"), StandardCharsets.UTF_8);
    int section = readme.indexOf("## Running an assembly line");
    assertTrue(section > 0, "the README has its 'Running an assembly line' section");
    commands.addAll(commands(readme.substring(section, readme.indexOf("\n## ", section + 1))));

    for (String command : commands) {
      Result result = bash(checkout, command);
      assertEquals(0, result.code(), command + "\n" + result.output());
    }
  }

  /** The shiprun commands of the {@code sh} blocks of {@code markdown}, continuations joined. */
  static List<String> commands(String markdown) {
    List<String> out = new ArrayList<>();
    boolean inBlock = false;
    StringBuilder pending = new StringBuilder();
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("```")) {
        inBlock = !inBlock && line.equals("```sh");
        continue;
      }
      if (!inBlock) {
        continue;
      }
      if (line.endsWith("\\")) {
        pending.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      String command = pending.append(line).toString().strip();
      pending.setLength(0);
      if (SHIPRUN.matcher(command).find()) {
        out.add(command);
      }
    }
    return out;
  }

  private record Result(int code, String output) {}

  /**
   * {@code command} in bash from the checkout, {@code ./shiprun} as the packaged jar, on a fresh
   * home, without the variables the samples' integrations files read.
   */
  private Result bash(Path checkout, String command) throws Exception {
    String script =
        "shiprun() { \""
            + PackagedJar.java()
            + "\" -jar \""
            + PackagedJar.jar()
            + "\" \"$@\"; }\n"
            + SHIPRUN.matcher(command).replaceAll("$1shiprun");
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-c", script)
            .directory(checkout.toFile())
            .redirectErrorStream(true);
    builder.environment().remove("SHIPRUN_HOME");
    builder.environment().remove("REGISTRY_PASSWORD");
    builder.environment().put("HOME", home.toString());
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), command + " did not end");
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
