package dev.shiprun.runner.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shiprun.masker.SecretMasker;
import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.integration.FieldValue;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.model.integration.Secret;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobSecretsTest {

  @TempDir Path dir;

  @Test
  void masksEverySecretFieldAndNamesTheIntegrationOfOneTooShortWithoutItsValue()
      throws IOException {
    Map<String, FieldValue> fields = new LinkedHashMap<>();
    fields.put("username", new FieldValue.Text("made-up-user"));
    fields.put("password", new FieldValue.Hidden(new Secret("pw1")));
    Integration shortOne =
        new Integration(
            "tiny-registry",
            IntegrationTypes.DOCKER_REGISTRY,
            fields,
            SourceLocation.ofFile("integrations.yml"));
    Integration fine =
        new Integration(
            "registry",
            IntegrationTypes.DOCKER_REGISTRY,
            Map.of("password", new FieldValue.Hidden(new Secret("made-up-pass"))),
            SourceLocation.ofFile("integrations.yml"));
    SecretMasker masker = new SecretMasker(List.of());
    List<String> live = new ArrayList<>();
    try (JobLog log = new JobLog(dir.resolve("logs/1.log"), "job", masker, (j, t) -> live.add(t))) {
      new JobSecrets(masker, log).integrations(List.of(shortOne, fine, shortOne));
      log.runner("made-up-pass pw1 made-up-user");
    }

    assertEquals(
        List.of(
            "[shiprun] secret of integration 'tiny-registry' is shorter than 4 characters and is not"
                + " masked",
            "[shiprun] *** pw1 made-up-user"),
        live);
  }
}
