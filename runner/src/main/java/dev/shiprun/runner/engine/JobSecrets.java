package dev.shiprun.runner.engine;

import dev.shiprun.model.env.EnvValue;
import dev.shiprun.model.env.EnvVar;
import dev.shiprun.model.env.JobEnv;
import dev.shiprun.model.integration.FieldValue;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.mask.SecretMasker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gives a run's masker the secrets of the run as they become known, and says in the run's log which
 * of them are too short to be masked, by where they come from, never by value.
 */
final class JobSecrets {

  private final SecretMasker masker;
  private final JobLog log;
  private final Set<String> seen = new HashSet<>();

  JobSecrets(SecretMasker masker, JobLog log) {
    this.masker = masker;
    this.log = log;
  }

  /** Every secret field value of the integrations the run was given. */
  void integrations(Collection<Integration> integrations) {
    List<String> values = new ArrayList<>();
    for (Integration i : integrations) {
      for (FieldValue v : i.fields().values()) {
        if (v instanceof FieldValue.Hidden h) {
          add("integration " + i.name(), h.value().reveal(), values);
        } else if (v instanceof FieldValue.Entries e) {
          e.values().values().forEach(s -> add("integration " + i.name(), s.reveal(), values));
        }
      }
    }
    masker.addAll(values);
  }

  /**
   * The hidden variables of the environments the run made: templating can make a secret of a value
   * that was not one (spec §3.9).
   */
  void variables(Collection<JobEnv> envs) {
    List<String> values = new ArrayList<>();
    for (JobEnv env : envs) {
      for (EnvVar v : env.variables()) {
        if (v.value() instanceof EnvValue.Hidden h) {
          add("variable " + v.name(), h.secret().reveal(), values);
        }
      }
    }
    masker.addAll(values);
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
    values.add(value);
  }
}
