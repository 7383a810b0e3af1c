package dev.shiprun.runner.doctor;

import dev.shiprun.runner.exec.ProgramPath;
import java.util.ArrayList;
import java.util.List;

/**
 * What this machine has for shiprun, one {@link Check} per thing: host TASKs (/proc, bash, setsid,
 * containment), the tools jobs call, the container engine and the default image, the home, its
 * disk, store and plugins. Every outside command it runs is bounded in time.
 */
public final class Doctor {

  private final DoctorSettings settings;

  public Doctor(DoctorSettings settings) {
    this.settings = settings;
  }

  public List<Check> checks() {
    BoundedCommand commands = new BoundedCommand(settings.environment());
    ProgramPath path = ProgramPath.of(settings.environment());
    List<Check> checks = new ArrayList<>();
    checks.addAll(new HostChecks(settings.environment(), commands).checks());
    checks.addAll(new ToolChecks(path).checks());
    EngineCheck.Finding engine = new EngineCheck(settings, path, commands).check();
    checks.addAll(engine.checks());
    checks.addAll(new ImageCheck(settings, commands).checks(engine.engine()));
    checks.addAll(new HomeChecks(settings).checks());
    return List.copyOf(checks);
  }
}
