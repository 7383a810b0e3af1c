package dev.shiprun.runner.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * One man(7) page (section 1) for one picocli command: the same words as its {@code --help}, so the
 * pages never drift from the CLI. Hidden commands and options are left out, as in help.
 */
public final class ManPage {

  private final CommandSpec spec;
  private final String version;

  public ManPage(CommandSpec spec, String version) {
    this.spec = spec;
    this.version = version;
  }

  /** The page's file name: {@code shiprun-integration-add.1}. */
  public String fileName() {
    return spec.qualifiedName("-") + ".1";
  }

  public String render() {
    StringBuilder page = new StringBuilder();
    String name = spec.qualifiedName("-");
    String[] description = spec.usageMessage().description();
    // No date in .TH: the pages of one version are the same whenever they are built.
    page.append(".TH ")
        .append(quoted(name.toUpperCase(Locale.ROOT)))
        .append(" 1 \"\" ")
        .append(quoted("shiprun " + version))
        .append(" \"shiprun manual\"\n");
    page.append(".SH NAME\n")
        .append(text(name))
        .append(" \\- ")
        .append(text(description.length == 0 ? "" : description[0]))
        .append('\n');

    page.append(".SH SYNOPSIS\n.nf\n");
    String synopsis =
        new CommandLine.Help(spec, new CommandLine.Help.ColorScheme.Builder(Ansi.OFF).build())
            .synopsis(0);
    for (String line : synopsis.strip().split("\n")) {
      page.append(text(line)).append('\n');
    }
    page.append(".fi\n");

    if (description.length > 1) {
      page.append(".SH DESCRIPTION\n");
      paragraph(page, List.of(description).subList(1, description.length));
    }

    List<PositionalParamSpec> positionals = visiblePositionals();
    if (!positionals.isEmpty()) {
      page.append(".SH ARGUMENTS\n");
      for (PositionalParamSpec positional : positionals) {
        page.append(".TP\n\\fI").append(text(positional.paramLabel())).append("\\fR\n");
        paragraph(page, List.of(positional.description()));
      }
    }

    List<OptionSpec> options = visibleOptions();
    if (!options.isEmpty()) {
      page.append(".SH OPTIONS\n");
      for (OptionSpec option : options) {
        page.append(".TP\n").append(optionTerm(option)).append('\n');
        paragraph(page, List.of(option.description()));
      }
    }

    List<CommandSpec> subcommands = visibleSubcommands();
    if (!subcommands.isEmpty()) {
      page.append(".SH COMMANDS\n");
      for (CommandSpec sub : subcommands) {
        String[] subDescription = sub.usageMessage().description();
        page.append(".TP\n\\fB").append(text(sub.name())).append("\\fR\n");
        page.append(text(subDescription.length == 0 ? "" : subDescription[0]))
            .append("\nSee \\fB")
            .append(text(sub.qualifiedName("-")))
            .append("\\fR(1).\n");
      }
    }

    String[] footer = spec.usageMessage().footer();
    List<String> notes = new ArrayList<>();
    for (String line : footer) {
      if (!line.isBlank()) {
        notes.add(line);
      }
    }
    if (!notes.isEmpty()) {
      page.append(".SH NOTES\n");
      paragraph(page, notes);
    }

    page.append(".SH SEE ALSO\n");
    List<String> seeAlso = new ArrayList<>();
    if (spec.parent() != null) {
      seeAlso.add("\\fB" + text(spec.parent().qualifiedName("-")) + "\\fR(1)");
    }
    for (CommandSpec sub : subcommands) {
      seeAlso.add("\\fB" + text(sub.qualifiedName("-")) + "\\fR(1)");
    }
    seeAlso.add("README.md and docs/cli.md in the shiprun distribution");
    page.append(String.join(",\n", seeAlso)).append('\n');
    return page.toString();
  }

  private List<OptionSpec> visibleOptions() {
    return spec.options().stream().filter(option -> !option.hidden()).toList();
  }

  private List<PositionalParamSpec> visiblePositionals() {
    return spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
  }

  private List<CommandSpec> visibleSubcommands() {
    List<CommandSpec> subcommands = new ArrayList<>();
    for (CommandLine sub : spec.subcommands().values()) {
      CommandSpec subSpec = sub.getCommandSpec();
      // Aliases map to the same command: list it once, under its own name.
      if (!subSpec.usageMessage().hidden() && !subcommands.contains(subSpec)) {
        subcommands.add(subSpec);
      }
    }
    return subcommands;
  }

  /** {@code \fB-o\fR, \fB--output\fR=\fIFORMAT\fR}. */
  private static String optionTerm(OptionSpec option) {
    List<String> names = new ArrayList<>();
    for (String name : option.names()) {
      names.add("\\fB" + text(name) + "\\fR");
    }
    String term = String.join(", ", names);
    if (option.arity().max() > 0) {
      term += "=\\fI" + text(option.paramLabel()) + "\\fR";
    }
    return term;
  }

  /**
   * Help wraps one sentence over several description lines; the page lets man fill them, and keeps
   * a break only after a line that ends a sentence or introduces what follows.
   */
  private static void paragraph(StringBuilder page, List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      page.append(text(line)).append('\n');
      boolean ends = line.endsWith(".") || line.endsWith(":") || line.endsWith(")");
      if (ends && i < lines.size() - 1) {
        page.append(".br\n");
      }
    }
  }

  private static String quoted(String value) {
    return '"' + text(value).replace("\"", "\\(dq") + '"';
  }

  /**
   * Text as roff reads it literally: backslashes escaped, hyphens as ASCII minus (so options can be
   * searched and copied), other than ASCII by code point, and a leading dot or quote kept from
   * being read as a request.
   */
  static String text(String value) {
    StringBuilder escaped = new StringBuilder(value.length());
    value
        .codePoints()
        .forEach(
            c -> {
              if (c == '\\') {
                escaped.append("\\e");
              } else if (c == '-') {
                escaped.append("\\-");
              } else if (c > 127) {
                // groff reads input as Latin-1: name other characters by their code point.
                escaped.append(String.format(Locale.ROOT, "\\[u%04X]", c));
              } else {
                escaped.appendCodePoint(c);
              }
            });
    if (escaped.length() > 0 && (escaped.charAt(0) == '.' || escaped.charAt(0) == '\'')) {
      escaped.insert(0, "\\&");
    }
    return escaped.toString();
  }
}
