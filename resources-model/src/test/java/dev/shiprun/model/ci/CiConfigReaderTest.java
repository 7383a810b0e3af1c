package dev.shiprun.model.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.ScriptLine;
import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.Diagnostics;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CiConfigReaderTest {

  private static List<String> texts(List<ScriptLine> lines) {
    return lines.stream().map(ScriptLine::text).toList();
  }

  private static List<String> keys(EnvEntry entry) {
    return entry.key();
  }

  @Test
  void theLanguageIsRubyUnlessSaidAndItsVersionsUnderRvm() {
    CiConfig config = CiYaml.clean("rvm: ['2.7', '3.0']\n");
    assertEquals("ruby", config.language());
    assertEquals(List.of("2.7", "3.0"), config.versions());
  }

  @Test
  void aSingleVersionIsAListOfOneAndKeepsItsText() {
    CiConfig config = CiYaml.clean("language: python\npython: 3.10\n");
    assertEquals(List.of("3.10"), config.versions());
    assertEquals(List.of("11"), CiYaml.clean("language: java\njdk: 11\n").versions());
  }

  @Test
  void aStringItemSplitsLikeAShellIntoVariables() {
    CiConfig config = CiYaml.clean("env:\n  - A=1 B='x y' C=\"z\"\n");
    assertEquals(1, config.env().matrix().size());
    assertEquals(List.of("A=1", "B=x y", "C=z"), keys(config.env().matrix().get(0)));
  }

  @Test
  void aMapItemSetsEachOfItsKeys() {
    CiConfig config = CiYaml.clean("env:\n  global:\n    - {FOO: 1, BAR: two}\n");
    assertEquals(List.of("FOO=1", "BAR=two"), keys(config.env().global().get(0)));
    assertTrue(config.env().matrix().isEmpty());
  }

  @Test
  void aSecureItemIsKeptClosedWithItsPosition() {
    CiConfig config =
        CiYaml.clean(
            """
            env:
              global:
                - A=1
                - secure: made-up-blob
            """);
    EnvItem item = config.env().global().get(1).items().get(0);
    EnvItem.Secure secure = assertInstanceOfSecure(item);
    assertEquals("made-up-blob", secure.value().blob().text());
    assertEquals(4, secure.at().line());
    assertEquals(15, secure.at().column());
  }

  private static EnvItem.Secure assertInstanceOfSecure(EnvItem item) {
    assertTrue(item instanceof EnvItem.Secure, "expected a secure item, found " + item);
    return (EnvItem.Secure) item;
  }

  @Test
  void travisPhasesMapToTheSectionsShippableRan() {
    CiBuild build =
        CiYaml.clean(
                """
                script: [npm test]
                before_install: [nvm use]
                install: npm ci
                before_script: [echo ready]
                after_success: [echo ok]
                after_failure: [echo bad]
                after_script: [echo done]
                """)
            .build();
    assertEquals(List.of("nvm use", "npm ci", "echo ready", "npm test"), texts(build.ci()));
    assertEquals(List.of("echo ok"), texts(build.onSuccess()));
    assertEquals(List.of("echo bad"), texts(build.onFailure()));
    assertEquals(List.of("echo done"), texts(build.always()));
  }

  @Test
  void aBuildSectionWinsOverTheTravisPhases() {
    CiBuild build =
        CiYaml.clean(
                """
                script: [npm test]
                after_success: [echo travis]
                build:
                  ci: [make test]
                """)
            .build();
    assertEquals(List.of("make test"), texts(build.ci()));
    assertEquals(List.of("echo travis"), texts(build.onSuccess()));
  }

  @Test
  void buildSectionsPreCiBootAndCache() {
    CiBuild build =
        CiYaml.clean(
                """
                build:
                  pre_ci: [docker build -t app .]
                  pre_ci_boot:
                    image_name: app
                    image_tag: latest
                    pull: false
                    options: "-e HOME=/root"
                    env: FOO=bar
                  ci: [make]
                  post_ci: [make package]
                  on_success: [echo ok]
                  on_failure: [echo bad]
                  always: [echo end]
                  push: [docker push app]
                  cache: true
                  cache_dir_list: [$SHIPPABLE_BUILD_DIR/node_modules]
                """)
            .build();
    assertEquals(List.of("docker build -t app ."), texts(build.preCi()));
    assertEquals(
        new PreCiBoot(
            Optional.of("app"),
            Optional.of("latest"),
            Optional.of(false),
            Optional.of("-e HOME=/root"),
            Optional.of("FOO=bar")),
        build.preCiBoot());
    assertEquals(List.of("make package"), texts(build.postCi()));
    assertEquals(List.of("echo end"), texts(build.always()));
    assertEquals(List.of("docker push app"), texts(build.push()));
    assertEquals(Optional.of(true), build.cache());
    assertEquals(List.of("$SHIPPABLE_BUILD_DIR/node_modules"), build.cacheDirList());
  }

  @Test
  void branchesServicesAndIntegrations() {
    CiConfig config =
        CiYaml.clean(
            """
            branches:
              only: [master, "release/*"]
              except: feat*
            services: [postgres, redis]
            integrations:
              hub:
                - integrationName: my-registry
                  type: dockerRegistryLogin
                  branches:
                    only: [master]
              notifications:
                - integrationName: team-slack
                  type: slack
                  recipients: ["#builds"]
                  on_success: change
                  on_start: never
              key:
                - integrationName: deploy-key
                  type: sshKey
              generic:
                - integrationName: app-settings
            """);
    assertEquals(new Branches(List.of("master", "release/*"), List.of("feat*")), config.branches());
    assertEquals(List.of("postgres", "redis"), config.services());
    CiIntegration hub = config.integrations().hub().get(0);
    assertEquals("my-registry", hub.integrationName());
    assertEquals(Optional.of("dockerRegistryLogin"), hub.type());
    assertEquals(List.of("master"), hub.branches().only());
    CiNotification slack = config.integrations().notifications().get(0);
    assertEquals("team-slack", slack.integration().integrationName());
    assertEquals(List.of("#builds"), slack.recipients());
    assertEquals(Optional.of(NotifyWhen.CHANGE), slack.onSuccess());
    assertEquals(Optional.of(NotifyWhen.NEVER), slack.onStart());
    assertEquals(Optional.empty(), slack.onFailure());
    assertEquals(Optional.of("sshKey"), config.integrations().key().get(0).type());
    assertEquals(Optional.empty(), config.integrations().generic().get(0).type());
  }

  @Test
  void wrongShapesAreReportedWithTheirPositionAndAHint() {
    Diagnostics out = new Diagnostics();
    CiConfig config =
        CiYaml.read(
            """
            language: [node_js]
            env:
              FOO: bar
            build:
              ci:
                run: make
            integrations:
              hub:
                - type: dockerRegistryLogin
            """,
            out);
    List<String> lines = out.sorted().stream().map(Diagnostic::headline).toList();
    assertEquals(
        List.of(
            "shippable.yml:1:11: error[AL008]: 'language' must be a single value, found a list",
            "shippable.yml:3:3: error[AL008]: 'env' must be a list, or 'global:' and 'matrix:'"
                + " lists, found a mapping",
            "shippable.yml:6:5: error[AL008]: 'build.ci' must be a list of strings, found a"
                + " mapping",
            "shippable.yml:9:7: error[AL101]: an entry of 'integrations.hub' has no"
                + " 'integrationName'"),
        lines);
    out.sorted().forEach(d -> assertFalse(d.hints().isEmpty(), d.headline()));
    assertEquals(
        "put the variables under 'global:' (every job) or 'matrix:' (one job each), or write"
            + " '- NAME=value' items under 'env:'",
        out.sorted().get(1).hints().get(0));
    assertEquals("ruby", config.language());
    assertTrue(config.build().ci().isEmpty());
  }

  @Test
  void anEnvWordThatIsNotNameEqualsValueIsReportedWithoutItsValue() {
    Diagnostics out = new Diagnostics();
    CiConfig config = CiYaml.read("env:\n  - A=1 oops\n  - B='open\n", out);
    List<String> lines = out.sorted().stream().map(Diagnostic::headline).toList();
    assertEquals(
        List.of(
            "shippable.yml:2:5: error[AL011]: an item of 'env' has 'oops', which is not"
                + " NAME=value",
            "shippable.yml:3:5: error[AL011]: an item of 'env' leaves ' open at character 3"),
        lines);
    assertEquals(List.of("A=1"), keys(config.env().matrix().get(0)));
  }

  @Test
  void unknownKeysUnderBuildAWrongBooleanAndAWrongWhenAreReported() {
    Diagnostics out = new Diagnostics();
    CiConfig config =
        CiYaml.read(
            """
            build:
              cii: [make]
              pre_ci_boot:
                pull: maybe
            integrations:
              notifications:
                - integrationName: team-mail
                  on_start: change
            """,
            out);
    List<String> lines = out.sorted().stream().map(Diagnostic::headline).toList();
    assertEquals(
        List.of(
            "shippable.yml:2:3: warning[AL010]: unknown key 'cii' in 'build'; it is ignored",
            "shippable.yml:4:11: error[AL011]: 'pull' must be true or false, found 'maybe'",
            "shippable.yml:8:17: error[AL011]: 'on_start' must be always or never, found"
                + " 'change'"),
        lines);
    assertEquals(Optional.empty(), config.build().preCiBoot().pull());
  }

  @Test
  void aMatrixEntryReadsTheLanguagesVersionKeyAndItsEnv() {
    MatrixEntry entry =
        CiYaml.clean(
                """
                language: java
                jdk: [openjdk11]
                matrix:
                  include:
                    - jdk: openjdk17
                      env: {MODE: fast, secure: made-up-blob}
                """)
            .matrix()
            .include()
            .get(0);
    assertEquals(Optional.of("openjdk17"), entry.version());
    assertEquals(List.of("MODE=fast", "secure:made-up-blob"), entry.env().orElseThrow().key());
  }
}
