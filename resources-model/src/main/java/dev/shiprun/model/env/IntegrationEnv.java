package dev.shiprun.model.env;

import dev.shiprun.model.integration.FieldKind;
import dev.shiprun.model.integration.FieldValue;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.integration.IntegrationField;
import java.util.Map;

/**
 * The variables an integration gives a job under a prefix (spec §3.5, §9): {@code
 * <NAME>_INTEGRATION_<FIELD>} for each field, key-value entries raw and prefixed, and the key file
 * paths of SSH and PEM keys. Secret fields stay secret.
 */
final class IntegrationEnv {

  private IntegrationEnv() {}

  static void add(
      JobEnv.Builder env,
      String prefix,
      String folder,
      String keyBase,
      Integration integration,
      String origin) {
    for (Map.Entry<String, FieldValue> field : integration.effectiveFields().entrySet()) {
      String name = prefix + "_INTEGRATION_" + EnvNames.field(field.getKey());
      FieldValue value = field.getValue();
      if (value instanceof FieldValue.Text t) {
        env.put(name, t.value(), origin);
      } else if (value instanceof FieldValue.Hidden h) {
        env.put(name, new EnvValue.Hidden(h.value()), origin);
      } else if (value instanceof FieldValue.Entries entries) {
        // Key-value pairs: Shippable exported them raw; the docs promise the prefixed form too.
        entries
            .values()
            .forEach(
                (key, secret) -> {
                  env.put(EnvNames.sanitize(key), new EnvValue.Hidden(secret), origin);
                  env.put(
                      prefix + "_INTEGRATION_" + EnvNames.field(key),
                      new EnvValue.Hidden(secret),
                      origin);
                });
      } else {
        throw new AssertionError(value);
      }
    }
    switch (integration.type().masterName()) {
      case "sshKey" -> {
        String key = folder + "/" + keyBase + "_key";
        env.put(prefix + "_PUBLIC_KEY_PATH", key + ".pub", origin);
        env.put(prefix + "_PRIVATE_KEY_PATH", key, origin);
        env.put(prefix + "_KEYPATH", key, origin);
        copy(env, integration, "publicKey", prefix + "_PUBLICKEY", origin);
        copy(env, integration, "privateKey", prefix + "_PRIVATEKEY", origin);
      }
      case "pemKey" -> env.put(prefix + "_KEYPATH", folder + "/" + keyBase + "_key.pem", origin);
      default -> {}
    }
  }

  private static void copy(
      JobEnv.Builder env, Integration integration, String field, String name, String origin) {
    FieldValue value = integration.effectiveFields().get(field);
    IntegrationField spec = integration.type().field(field).orElseThrow();
    if (value instanceof FieldValue.Text t && spec.kind() != FieldKind.MAP) {
      env.put(name, t.value(), origin);
    } else if (value instanceof FieldValue.Hidden h) {
      env.put(name, new EnvValue.Hidden(h.value()), origin);
    }
  }
}
