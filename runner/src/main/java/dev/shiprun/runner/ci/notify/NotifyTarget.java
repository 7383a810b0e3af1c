package dev.shiprun.runner.ci.notify;

import dev.shiprun.model.ci.CiNotification;
import dev.shiprun.model.env.EnvNames;
import dev.shiprun.model.integration.FieldValue;
import dev.shiprun.model.integration.Integration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code integrations.notifications} entry dressed as the notification resource the notifiers
 * deliver (spec §3.7): {@code <NAME>_TYPE}, {@code <NAME>_META} with the integration's {@code
 * masterName}, its recipients as {@code <NAME>_POINTER_RECIPIENTS_<i>}, its method, and the
 * integration's fields as {@code <NAME>_INTEGRATION_<FIELD>}. No secret is written to a file.
 */
final class NotifyTarget {

  private NotifyTarget() {}

  /**
   * Where the method comes from: the entry's {@code type} for email and irc, else its integration.
   */
  static Optional<String> method(CiNotification entry, Map<String, Integration> integrations) {
    Optional<String> type = entry.integration().type();
    for (String byType : List.of("email", "irc")) {
      if (type.filter(byType::equalsIgnoreCase).isPresent()) {
        return Optional.of(byType);
      }
    }
    Integration integration = integrations.get(entry.integration().integrationName());
    return Optional.ofNullable(integration).map(i -> i.type().masterName());
  }

  /** The variables of the entry as a resource, its meta folder made under {@code scripts}. */
  static Map<String, String> variables(
      CiNotification entry, String method, Optional<Integration> integration, Path scripts)
      throws IOException {
    String name = entry.integration().integrationName();
    String prefix = EnvNames.of(name);
    Path meta =
        Files.createDirectories(
            scripts.resolve("ci-notify").resolve(name.replaceAll("[^A-Za-z0-9._-]", "_")));
    Map<String, String> out = new LinkedHashMap<>();
    out.put(prefix + "_NAME", name);
    out.put(prefix + "_TYPE", "notification");
    out.put(prefix + "_META", meta.toString());
    out.put(prefix + "_POINTER_METHOD", method);
    List<String> recipients = entry.recipients();
    for (int i = 0; i < recipients.size(); i++) {
      out.put(prefix + "_POINTER_RECIPIENTS_" + i, recipients.get(i));
    }
    if (integration.isPresent()) {
      Files.writeString(
          meta.resolve("integration.json"),
          "{\"masterName\": \"" + integration.get().type().masterName() + "\"}\n",
          StandardCharsets.UTF_8);
      integration
          .get()
          .effectiveFields()
          .forEach(
              (field, value) -> {
                String variable = prefix + "_INTEGRATION_" + EnvNames.field(field);
                if (value instanceof FieldValue.Text t) {
                  out.put(variable, t.value());
                } else if (value instanceof FieldValue.Hidden h) {
                  out.put(variable, h.value().reveal());
                }
              });
    }
    return out;
  }
}
