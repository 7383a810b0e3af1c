package dev.shiprun.runner.engine.log;

import dev.shiprun.masker.SecretMasker;
import dev.shiprun.model.env.EnvValue;
import dev.shiprun.model.env.EnvVar;
import dev.shiprun.model.env.JobEnv;
import dev.shiprun.model.integration.FieldValue;
import dev.shiprun.model.integration.Integration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives a run's masker the secrets of the run as they become known, and says in the run's log which
 * of them are too short to be masked, by where they come from, never by value. It remembers where
 * each secret came from, so a refusal can name the integration or variable a leaked value belongs
 * to.
 */
public final class JobSecrets {

  /** What a secret the script itself registered is. */
  static final String REGISTERED = "a value given to shipctl mask";

  private final SecretMasker masker;
  private final JobLog log;
  private final Set<String> seen = new HashSet<>();

  /** Each source ("integration 'hub-creds'") and its values, in the order they were given. */
  private final Map<String, List<String>> sources = new LinkedHashMap<>();

  public JobSecrets(SecretMasker masker, JobLog log) {
    this.masker = masker;
    this.log = log;
  }

  /** The secret field values of each integration, by integration name. */
  public static Map<String, List<String>> of(Collection<Integration> integrations) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Integration i : integrations) {
      List<String> values = out.computeIfAbsent(i.name(), n -> new ArrayList<>());
      for (FieldValue v : i.fields().values()) {
        if (v instanceof FieldValue.Hidden h) {
          values.add(h.value().reveal());
        } else if (v instanceof FieldValue.Entries e) {
          e.values().values().forEach(s -> values.add(s.reveal()));
        }
      }
    }
    return out;
  }

  /** Every secret field value of the integrations the run was given. */
  public void integrations(Collection<Integration> integrations) {
    List<String> values = new ArrayList<>();
    of(integrations)
        .forEach(
            (name, secrets) -> secrets.forEach(s -> add("integration '" + name + "'", s, values)));
    masker.addAll(values);
  }

  /**
   * The hidden variables of the environments the run made: templating can make a secret of a value
   * that was not one (spec §3.9).
   */
  public void variables(Collection<JobEnv> envs) {
    List<String> values = new ArrayList<>();
    for (JobEnv env : envs) {
      for (EnvVar v : env.variables()) {
        if (v.value() instanceof EnvValue.Hidden h) {
          add("variable '" + v.name() + "'", h.secret().reveal(), values);
        }
      }
    }
    masker.addAll(values);
  }

  /**
   * What the secret {@code text} holds is, as a message says it: a secret of the first integration
   * or variable one of whose values (in any form the masker knows) is in it, else a value the
   * script registered. Only asked after the masker found one, so making a small masker per source
   * costs nothing in a run that leaks nothing.
   */
  public String sourceOf(String text) {
    for (Map.Entry<String, List<String>> source : sources.entrySet()) {
      if (!new SecretMasker(source.getValue()).mask(text).equals(text)) {
        return "a secret of " + source.getKey();
      }
    }
    return REGISTERED;
  }

  /** A value seen before (a variable that carries an integration's field) was told of then. */
  private void add(String source, String value, List<String> values) {
    if (!seen.add(value)) {
      return;
    }
    if (!value.isEmpty() && !SecretMasker.maskable(value)) {
      log.runner(
          "secret of "
              + source
              + " is shorter than "
              + SecretMasker.MIN_LENGTH
              + " characters and is not masked");
    }
    sources.computeIfAbsent(source, s -> new ArrayList<>()).add(value);
    values.add(value);
  }
}
