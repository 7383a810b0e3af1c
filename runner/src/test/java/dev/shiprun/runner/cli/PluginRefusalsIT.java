package dev.shiprun.runner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shiprun.spi.IntegrationTypeProvider;
import dev.shiprun.spi.ResourceType;
import dev.shiprun.spi.SpiVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin shiprun cannot use stops the packaged CLI with one line naming the jar and the plugin,
 * and exit code 3: never a stack trace, never a half-loaded set of plugins.
 */
class PluginRefusalsIT {

  @TempDir Path home;
  @TempDir Path work;

  private Path plugins() {
    return home.resolve("plugins");
  }

  private PackagedJar.Result shiprun(Map<String, String> env, String... args) throws Exception {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--home";
    all[args.length + 1] = home.toString();
    Map<String, String> environment = new HashMap<>(env);
    environment.put("HOME", home.toString());
    return new PackagedJar(work).start(List.of(), environment, all).await();
  }

  private void refused(String line, String... args) throws Exception {
    refused(Map.of(), line, args);
  }

  private void refused(Map<String, String> env, String line, String... args) throws Exception {
    PackagedJar.Result result = shiprun(env, args);
    assertEquals("shiprun: " + line + "\n", result.err());
    assertEquals("", result.out());
    assertEquals(ExitCode.INTERNAL.code(), result.code());
  }

  @Test
  void refusesAJarBuiltForAnotherMajorVersion() throws Exception {
    Path jar =
        new PluginJarBuilder()
            .manifest(SpiVersion.MANIFEST_ATTRIBUTE, (SpiVersion.MAJOR + 1) + ".0")
            .write(plugins().resolve("future.jar"), work);
    refused(
        "plugin "
            + jar
            + ": built for shiprun's plugin interfaces "
            + (SpiVersion.MAJOR + 1)
            + ".0 (Shiprun-Spi-Version), this shiprun has "
            + SpiVersion.text()
            + "; use a build of the plugin for "
            + SpiVersion.text()
            + ", or remove the jar",
        "plugins");
  }

  @Test
  void refusesAJarBuiltForANewerMinorVersion() throws Exception {
    Path jar =
        new PluginJarBuilder()
            .manifest(
                SpiVersion.MANIFEST_ATTRIBUTE, SpiVersion.MAJOR + "." + (SpiVersion.MINOR + 1))
            .write(plugins().resolve("newer.jar"), work);
    refused(
        "plugin "
            + jar
            + ": built for shiprun's plugin interfaces "
            + SpiVersion.MAJOR
            + "."
            + (SpiVersion.MINOR + 1)
            + " (Shiprun-Spi-Version), this shiprun has "
            + SpiVersion.text()
            + "; use a newer shiprun, a build of the plugin for "
            + SpiVersion.text()
            + ", or remove the jar",
        "validate",
        work.toString());
  }

  @Test
  void refusesAJarWhoseManifestDoesNotSayItsVersion() throws Exception {
    Path jar = new PluginJarBuilder().write(plugins().resolve("unversioned.jar"), work);
    refused(
        "plugin "
            + jar
            + ": its manifest has no Shiprun-Spi-Version, so shiprun cannot tell which plugin"
            + " interfaces it was built for; use a build of the plugin for "
            + SpiVersion.text()
            + ", or remove the jar",
        "plugins");
  }

  @Test
  void refusesAServicesEntryWhoseClassIsMissing() throws Exception {
    Path jar =
        new PluginJarBuilder()
            .manifest(SpiVersion.MANIFEST_ATTRIBUTE, SpiVersion.text())
            .service(ResourceType.class, "com.example.Missing")
            .write(plugins().resolve("broken.jar"), work);
    refused(
        "plugin "
            + jar
            + ": resource type com.example.Missing cannot be loaded: class not found; rebuild the"
            + " plugin for shiprun's plugin interfaces "
            + SpiVersion.text()
            + ", or remove the jar",
        "plugins");
  }

  @Test
  void refusesAPluginWhoseConstructorThrows() throws Exception {
    Path jar =
        new PluginJarBuilder()
            .manifest(SpiVersion.MANIFEST_ATTRIBUTE, SpiVersion.text())
            .service(ResourceType.class, "com.example.Throws")
            .source(
                "com.example.Throws",
                """
                package com.example;

                public final class Throws implements dev.shiprun.spi.ResourceType {
                  public Throws() {
                    throw new IllegalStateException("no config\\nfound");
                  }

                  @Override
                  public String name() {
                    return "throws";
                  }
                }
                """)
            .write(plugins().resolve("throws.jar"), work);
    refused(
        "plugin "
            + jar
            + ": resource type com.example.Throws cannot be loaded: its constructor threw"
            + " IllegalStateException: no config found; rebuild the plugin for shiprun's plugin"
            + " interfaces "
            + SpiVersion.text()
            + ", or remove the jar",
        "plugins");
  }

  @Test
  void refusesTwoJarsThatAddOneName() throws Exception {
    Path example = Path.of(System.getProperty("shiprun.plugin-example.jar"));
    Path first = plugins().resolve("a.jar");
    Path second = plugins().resolve("b.jar");
    Files.createDirectories(plugins());
    Files.copy(example, first, StandardCopyOption.REPLACE_EXISTING);
    Files.copy(example, second, StandardCopyOption.REPLACE_EXISTING);
    refused(
        "plugin "
            + second
            + ": resource type 'greeting' is also added by "
            + first
            + "; two plugins of one kind may not share a name: remove one of the jars",
        "plugins");
  }

  @Test
  void refusesAPluginThatReusesABuiltInName() throws Exception {
    Path jar =
        new PluginJarBuilder()
            .manifest(SpiVersion.MANIFEST_ATTRIBUTE, SpiVersion.text())
            .service(IntegrationTypeProvider.class, "com.example.MyGitHub")
            .source(
                "com.example.MyGitHub",
"""
                package com.example;

                import dev.shiprun.model.integration.IntegrationField;
                import dev.shiprun.model.integration.IntegrationType;
                import java.util.HashMap;
import java.util.List;
                import java.util.Optional;

                public final class MyGitHub implements dev.shiprun.spi.IntegrationTypeProvider {
                  @Override
                  public List<IntegrationType> types() {
                    return List.of(
                        new IntegrationType(
                            "github", "My GitHub", List.of(),
                            List.of(IntegrationField.secret("token")), Optional.empty()));
                  }
                }
                """)
            .write(plugins().resolve("github.jar"), work);
    refused(
        "plugin "
            + jar
            + ": integration type 'github' is a built-in integration type of shiprun; a plugin"
            + " may not reuse a built-in name: rename the plugin's integration type",
        "integration",
        "list");
  }

  @Test
  void refusesAnEntryOfShiprunPluginsThatDoesNotExist() throws Exception {
    Path missing = work.resolve("no-such-plugins");
    refused(
        Map.of("SHIPRUN_PLUGINS", missing.toString()),
        "SHIPRUN_PLUGINS names "
            + missing
            + ", which does not exist; give jars or folders of jars, separated by ':'",
        "plugins");
  }
}
