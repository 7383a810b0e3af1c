package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

class ManPageTest {

  @Command(
      name = "tool",
      description = {"Does one thing.", "It reads the files", "and writes .results — twice."},
      subcommands = {Sub.class, Secret.class},
      footer = {"", "Exit codes: 0 ok."})
  static class Tool implements Callable<Integer> {
    @Option(
        names = {"-o", "--output-dir"},
        paramLabel = "DIR",
        description = "Where to write. Default: ${DEFAULT-VALUE}.",
        defaultValue = "out")
    String output;

    @Option(names = "--quiet", description = "Say nothing.")
    boolean quiet;

    @Option(names = "--internal", hidden = true, description = "Not for users.")
    boolean internal;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "The files.")
    String[] files;

    @Override
    public Integer call() {
      return 0;
    }
  }

  @Command(name = "sub", description = "A subcommand.")
  static class Sub implements Runnable {
    @Override
    public void run() {}
  }

  @Command(name = "secret", hidden = true, description = "Hidden.")
  static class Secret implements Runnable {
    @Override
    public void run() {}
  }

  private final CommandLine tool = new CommandLine(new Tool());

  @Test
  void rendersTheSectionsOfHelp() {
    String page = new ManPage(tool.getCommandSpec(), "1.2.3").render();

    assertTrue(page.startsWith(".TH \"TOOL\" 1 \"\" \"shiprun 1.2.3\" \"shiprun manual\"\n"), page);
    assertTrue(page.contains(".SH NAME\ntool \\- Does one thing.\n"), page);
    assertTrue(page.contains(".SH SYNOPSIS\n.nf\ntool [\\-\\-quiet] [\\-o=DIR] [FILE...]"), page);
    // Wrapped description lines flow into one paragraph; a leading dot is not a request.
    assertTrue(page.contains(".SH DESCRIPTION\nIt reads the files\nand writes .results"), page);
    assertTrue(page.contains("\\[u2014]"), "non-ASCII by code point: " + page);
    assertTrue(page.contains(".TP\n\\fIFILE\\fR\nThe files.\n"), page);
    assertTrue(
        page.contains(
            ".TP\n\\fB\\-o\\fR, \\fB\\-\\-output\\-dir\\fR=\\fIDIR\\fR\n"
                + "Where to write. Default: out.\n"),
        page);
    assertTrue(page.contains(".TP\n\\fB\\-\\-quiet\\fR\nSay nothing.\n"), page);
    assertTrue(
        page.contains(
            ".SH COMMANDS\n.TP\n\\fBsub\\fR\nA subcommand.\nSee \\fBtool\\-sub\\fR(1).\n"),
        page);
    assertTrue(page.contains(".SH NOTES\nExit codes: 0 ok.\n"), page);
    assertFalse(page.contains("internal"), "hidden options are left out: " + page);
    assertFalse(page.contains("secret"), "hidden commands are left out: " + page);
  }

  @Test
  void namesSubcommandPagesByTheirPath() {
    ManPage sub = new ManPage(tool.getSubcommands().get("sub").getCommandSpec(), "1.2.3");
    assertEquals("tool-sub.1", sub.fileName());
    assertTrue(sub.render().contains(".SH SEE ALSO\n\\fBtool\\fR(1)"), sub.render());
  }

  @Test
  void escapesWhatRoffWouldReadAsMarkup() {
    assertEquals("\\&.hidden", ManPage.text(".hidden"));
    assertEquals("\\&'quoted", ManPage.text("'quoted"));
    assertEquals("a\\ec \\-x", ManPage.text("a\\c -x"));
    assertEquals("\\[u2026]", ManPage.text("…"));
  }
}
