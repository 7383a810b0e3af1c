package dev.shiprun.model.integration;

import dev.shiprun.model.diagnostic.SourceLocation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An account integration: a name, a type and field values (secret ones hidden). Fields keep the
 * type's spelling ({@code url}, {@code username} …).
 */
public record Integration(
    String name, IntegrationType type, Map<String, FieldValue> fields, SourceLocation at) {

  public Integration {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    Objects.requireNonNull(at, "at");
  }

  public Optional<FieldValue> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /**
   * The field values a job sees, in the type's field order: a missing URL becomes the type's
   * default (Docker Hub for a Docker Registry), missing optional fields are empty.
   */
  public Map<String, FieldValue> effectiveFields() {
    Map<String, FieldValue> out = new LinkedHashMap<>();
    for (IntegrationField f : type.fields()) {
      FieldValue value = fields.get(f.name());
      boolean blank = value == null || value instanceof FieldValue.Text t && t.value().isEmpty();
      if (blank && f.kind() == FieldKind.URL && type.defaultUrl().isPresent()) {
        value = new FieldValue.Text(type.defaultUrl().get());
      } else if (value == null && f.kind() != FieldKind.MAP) {
        value = f.secret() ? new FieldValue.Hidden(new Secret("")) : new FieldValue.Text("");
      }
      if (value != null) {
        out.put(f.name(), value);
      }
    }
    fields.forEach(out::putIfAbsent);
    return out;
  }
}
