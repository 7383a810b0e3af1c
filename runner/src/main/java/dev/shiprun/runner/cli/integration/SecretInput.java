package dev.shiprun.runner.cli.integration;

import java.io.BufferedReader;
import java.io.Console;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lines of secret text from the user: at a terminal, a prompt that does not echo, a line at a time
 * until an empty one; else all of stdin. Never from the command line, where a secret would show in
 * {@code ps} and the shell's history.
 */
public final class SecretInput {

  private SecretInput() {}

  /** The text given, lines joined by newlines; {@code prompt} goes to the terminal only. */
  public static String read(String prompt, PrintWriter err) throws IOException {
    Console console = System.console();
    if (console != null) {
      console.printf("%s%n", prompt);
      StringBuilder out = new StringBuilder();
      for (char[] line = console.readPassword("> ");
          line != null && line.length > 0;
          line = console.readPassword("> ")) {
        out.append(line).append('\n');
      }
      return out.toString();
    }
    if (stdinIsTerminal()) {
      // stdout goes elsewhere (blob=$(shiprun encrypt)): no Console, so echo is turned off here.
      err.println(prompt);
      err.flush();
      stty("-echo");
      try {
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
          out.append(line).append('\n');
        }
        return out.toString();
      } finally {
        stty("echo");
        err.println();
        err.flush();
      }
    }
    InputStream in = System.in;
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  private static boolean stdinIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static void stty(String setting) throws IOException {
    try {
      new ProcessBuilder("stty", setting)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/tty")))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while turning the terminal's echo " + setting);
    }
  }
}
