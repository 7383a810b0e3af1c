package dev.shiprun.model.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.SecureValue;
import dev.shiprun.model.diagnostic.Diagnostic;
import dev.shiprun.model.diagnostic.DiagnosticCode;
import dev.shiprun.model.diagnostic.Diagnostics;
import dev.shiprun.model.load.AssemblyLineLoader;
import dev.shiprun.model.validate.SecureValues;
import dev.shiprun.model.validate.Validation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecureValueParsingTest {

  private static Validation load(String yaml) {
    return new AssemblyLineLoader()
        .load(
            List.of(new PipelineFile("shippable.yml", yaml.getBytes(StandardCharsets.UTF_8))),
            new Diagnostics());
  }

  private static List<String> blobs(Validation v) {
    return v.pipeline().secureValues().stream().map(s -> s.blob().text()).toList();
  }

  @Test
  void findsSecureItemsInEveryShapeOfTheCiEnv() {
    Validation v =
        load(
            """
            env:
              - FOO=1
              - {BAR: 2}
              - secure: listed
            matrix:
              include:
                - env: {secure: included}
                - env: TEST=a
            """);
    assertEquals(List.of("listed", "included"), blobs(v));
    v =
        load(
            """
            env:
              global:
                - secure: global-one
                - A=1
              matrix:
                - secure: matrix-one
            """);
    assertEquals(List.of("global-one", "matrix-one"), blobs(v));
    assertEquals(
        List.of(SecureValue.Origin.CI_ENV, SecureValue.Origin.CI_ENV),
        v.pipeline().secureValues().stream().map(SecureValue::origin).toList());
  }

  @Test
  void warnsOncePerForeignBlobAtItsPositionAndNotForShiprunBlobs() {
    Validation v =
        load(
            """
            resources:
              - name: p
                type: params
                versionTemplate:
                  params:
                    A: 1
                    secure: shippable-blob
              - name: q
                type: params
                versionTemplate:
                  params:
                    secure: shiprun:v1:0011223344556677:AAAA
            env:
              - secure: ci-blob
            """);
    List<Diagnostic> al206 =
        v.diagnostics().stream().filter(d -> d.code() == DiagnosticCode.AL206).toList();
    assertEquals(2, al206.size(), al206.toString());
    assertEquals("shippable.yml:7:17", al206.get(0).at().toString());
    assertTrue(al206.get(0).message().contains("params resource 'p'"));
    assertEquals("shippable.yml:14:13", al206.get(1).at().toString());
    assertTrue(v.valid().isPresent(), "warnings only");
  }

  @Test
  void strictSecretsMakesEveryUnreadableValueAnErrorAndTheLineInvalid() {
    Validation v =
        load(
            """
            resources:
              - name: p
                type: params
                versionTemplate:
                  params:
                    secure: shippable-blob
            """);
    Validation strict = SecureValues.with(v, List.of(), true);
    assertFalse(strict.valid().isPresent());
    assertEquals(1, strict.errorCount());
    assertTrue(strict.diagnostics().get(0).hints().get(1).contains("--strict-secrets"));
    assertTrue(SecureValues.with(v, List.of(), false).valid().isPresent());
  }
}
