package dev.shiprun.runner.cli.integration;

import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.integration.FieldKind;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.integration.IntegrationField;
import dev.shiprun.model.integration.IntegrationType;
import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.runner.cli.CallerEnvironment;
import dev.shiprun.runner.cli.ExitCode;
import dev.shiprun.runner.cli.HomeOptions;
import dev.shiprun.runner.cli.IntegrationStores;
import dev.shiprun.runner.cli.WorkingDirectory;
import dev.shiprun.runner.secrets.IntegrationBuilder;
import dev.shiprun.runner.secrets.IntegrationInputException;
import dev.shiprun.runner.secrets.IntegrationStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shiprun integration add NAME --type T …}: stores one integration. Secret fields never come
 * from the command line (they would show in {@code ps} and the shell's history): from stdin or from
 * a variable of the caller's environment.
 */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description = {
      "Stores an integration; secrets from stdin, a file or your environment.",
      "Plain fields as options; secret fields never on the command line: --password-stdin,",
      "--password-file FILE or --secret-env FIELD=VARIABLE.",
      "Example: echo \"$PW\" | shiprun integration add hub-creds --type dockerRegistryLogin",
      "  --url https://registry.example.com --username alice --password-stdin"
    },
    footer = {"", "Exit codes: 0 stored, 1 the store could not be used, 2 usage error."})
public class IntegrationAddCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HomeOptions homeOptions = new HomeOptions();

  @Parameters(paramLabel = "NAME", description = "The integration's name, as resources name it.")
  String name;

  @Option(
      names = {"-t", "--type"},
      required = true,
      paramLabel = "TYPE",
      description = "dockerRegistryLogin, keyValuePair, github, … (see the README).")
  String type;

  @Option(names = "--url", paramLabel = "URL", description = "The url field.")
  Optional<String> url = Optional.empty();

  @Option(names = "--username", paramLabel = "NAME", description = "The username field.")
  Optional<String> username = Optional.empty();

  @Option(names = "--email", paramLabel = "ADDRESS", description = "The email field.")
  Optional<String> email = Optional.empty();

  @Option(
      names = "--field",
      paramLabel = "FIELD=VALUE",
      description = "Another plain field of the type (repeatable).")
  Map<String, String> fields = new LinkedHashMap<>();

  @Option(
      names = "--password-stdin",
      description =
          "Read the type's secret field (password, token, …) from stdin; one trailing newline is"
              + " dropped.")
  boolean passwordStdin;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description = "Read the type's secret field from FILE; one trailing newline is dropped.")
  Optional<Path> passwordFile = Optional.empty();

  @Option(
      names = "--secret-env",
      paramLabel = "FIELD=VARIABLE",
      description = "A secret field from a variable of your environment (repeatable).")
  Map<String, String> secretEnv = new LinkedHashMap<>();

  @Option(names = "--replace", description = "Overwrite a stored integration of that name.")
  boolean replace;

  private final IntegrationStores stores;
  private final CallerEnvironment environment;
  private final WorkingDirectory workingDirectory;

  public IntegrationAddCommand(
      IntegrationStores stores, CallerEnvironment environment, WorkingDirectory workingDirectory) {
    this.stores = stores;
    this.environment = environment;
    this.workingDirectory = workingDirectory;
  }

  /** The command line's ways of giving a field, for the builder's messages. */
  private static final IntegrationBuilder.Wording WORDING =
      new IntegrationBuilder.Wording() {
        @Override
        public String named(IntegrationField field) {
          return field.name().equals("url") ? "--url" : "--field " + field.name();
        }

        @Override
        public String give(IntegrationField field) {
          return field.secret()
              ? "give it with --password-stdin, --password-file or --secret-env "
                  + field.name()
                  + "=VARIABLE"
              : "give it with " + option(field.name()) + " VALUE";
        }
      };

  @Override
  public Integer call() {
    IntegrationStore store = stores.of(homeOptions.home);
    Integration integration;
    try {
      integration = build(store.types());
    } catch (IntegrationInputException e) {
      throw usage(e.getMessage());
    }
    IntegrationType t = integration.type();
    return IntegrationStores.with(
        spec,
        "add",
        store,
        s -> {
          s.put(integration, replace);
          PrintWriter out = spec.commandLine().getOut();
          out.println(
              "stored integration '"
                  + name
                  + "' ("
                  + t.masterName()
                  + ") in "
                  + s.file()
                  + ", secrets encrypted");
          out.flush();
          return ExitCode.OK.code();
        });
  }

  /** The integration of the options, checked by the type's rules; secrets from their sources. */
  private Integration build(IntegrationTypes types) {
    IntegrationBuilder builder =
        new IntegrationBuilder(name, IntegrationBuilder.type(types, type), WORDING);
    IntegrationType t = builder.type();
    Map<String, String> plain = new LinkedHashMap<>();
    url.ifPresent(v -> plain.put("url", v));
    username.ifPresent(v -> plain.put("username", v));
    email.ifPresent(v -> plain.put("email", v));
    plain.putAll(fields);
    for (Map.Entry<String, String> e : plain.entrySet()) {
      IntegrationField field = builder.field(e.getKey());
      if (field.secret()) {
        throw usage(
            "field '"
                + field.name()
                + "' of a "
                + t.masterName()
                + " integration is secret: give it with --password-stdin or --secret-env "
                + field.name()
                + "=VARIABLE, not on the command line (it would show in ps and your shell"
                + " history)");
      }
      if (field.kind() == FieldKind.MAP) {
        throw usage(
            "field '"
                + field.name()
                + "' holds named values: write them in a file and use"
                + " 'shiprun integration import FILE'");
      }
      builder.text(field, e.getValue());
    }
    if (passwordStdin && passwordFile.isPresent()) {
      throw usage("give the secret with --password-stdin or --password-file, not both");
    }
    if (passwordStdin || passwordFile.isPresent()) {
      IntegrationField secret =
          t.fields().stream()
              .filter(f -> f.secret() && f.kind() != FieldKind.MAP)
              .findFirst()
              .orElseThrow(
                  () -> usage("a " + t.masterName() + " integration has no secret field to read"));
      String text =
          passwordFile.isPresent()
              ? read(passwordFile.get(), "--password-file")
              : read(null, "--password-stdin");
      builder.secret(secret, text);
    }
    for (Map.Entry<String, String> e : secretEnv.entrySet()) {
      IntegrationField field = builder.field(e.getKey());
      if (!field.secret() || field.kind() == FieldKind.MAP) {
        throw usage("field '" + field.name() + "' is not a secret field: give it as an option");
      }
      String value = environment.variables().get(e.getValue());
      if (value == null) {
        // The variable's name is not repeated: a secret typed in its place would be.
        throw usage(
            "--secret-env "
                + e.getKey()
                + "=…: the variable named there is not set in your environment; export it"
                + " first (--secret-env takes the variable's name, not the secret)");
      }
      builder.secret(field, value);
    }
    return builder.build(SourceLocation.ofFile("shiprun integration add"));
  }

  private static String option(String field) {
    return List.of("url", "username", "email").contains(field)
        ? "--" + field
        : "--field " + field + "=";
  }

  /**
   * The secret in {@code file} (stdin when null), without one trailing newline. A file that is not
   * there is not named: a secret given in its place would be.
   */
  private String read(Path file, String from) {
    Path resolved = file == null ? null : workingDirectory.resolve(List.of(file)).get(0);
    if (resolved != null && !Files.exists(resolved)) {
      throw usage(
          from
              + ": the file named there does not exist; give the path of a file that holds the"
              + " secret (--password-file takes a file, not the secret)");
    }
    String source = resolved == null ? from : from + " " + file;
    try {
      byte[] bytes = resolved == null ? System.in.readAllBytes() : Files.readAllBytes(resolved);
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (text.endsWith("\n")) {
        text = text.substring(0, text.length() - 1);
        if (text.endsWith("\r")) {
          text = text.substring(0, text.length() - 1);
        }
      }
      if (text.isEmpty()) {
        throw usage(source + " read nothing");
      }
      return text;
    } catch (IOException e) {
      throw usage(source + " could not be read: " + e.getMessage());
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
