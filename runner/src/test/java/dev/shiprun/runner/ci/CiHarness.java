package dev.shiprun.runner.ci;

import dev.shiprun.masker.SecretMasker;
import dev.shiprun.model.Job;
import dev.shiprun.model.RunCiJob;
import dev.shiprun.model.ci.CiConfig;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.runner.engine.TestLines;
import dev.shiprun.runner.engine.log.JobLog;
import dev.shiprun.runner.engine.log.PrefixedOutput;
import dev.shiprun.runner.exec.ExecOptions;
import dev.shiprun.runner.exec.HostExecutor;
import dev.shiprun.runner.exec.ProcessLauncher;
import dev.shiprun.runner.exec.ProcessTreeKiller;
import dev.shiprun.spi.BodyOutcome;
import dev.shiprun.spi.CancelSignal;
import dev.shiprun.spi.ContainerRequest;
import dev.shiprun.spi.Dependency;
import dev.shiprun.spi.Executor;
import dev.shiprun.spi.JobContext;
import dev.shiprun.spi.Notifier;
import dev.shiprun.spi.ResourceVersion;
import dev.shiprun.spi.ScriptOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A runCI build run by its job type over real parts: a real git repository as its ciRepo version,
 * bash on this machine (and, when given, a real container executor), the engine's job log with its
 * masker and prefixed output. What the engine adds around a body (the run's row, its folder, its
 * variables) is made here as plainly as the body needs it.
 */
public final class CiHarness implements JobContext, AutoCloseable {

  private static final String LINE =
      """
      jobs:
        - name: app_runCI
          type: runCI
      """;

  private final Path dir;
  private final Path build;
  private final AssemblyLine line;
  private final RunCiJob job;
  private final Map<String, Object> bag;
  private final SecretMasker masker = new SecretMasker(List.of());
  private final JobLog log;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final HostExecutor host =
      new HostExecutor(
          new ProcessLauncher(
              ExecOptions.defaults(Map.of()), new ProcessTreeKiller(Duration.ofMillis(300))));
  private final Map<String, String> settings = new HashMap<>();
  private final Map<String, Map<String, String>> secure = new HashMap<>();
  private Executor containers = host;
  private int parallel = 1;
  private Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
  private final String runMark =
      "shiprun-ci-test-" + Long.toHexString(System.nanoTime() & 0xffffffffL);
  private volatile boolean cancelled;

  /**
   * A build of {@code shippableYml}'s CI part at commit {@code sha} of the repository {@code repo},
   * its folders under {@code dir}.
   */
  public CiHarness(Path dir, String shippableYml, Path repo, String sha) throws IOException {
    this.dir = dir;
    this.build = Files.createDirectories(dir.resolve("build"));
    Files.createDirectories(build.resolve("scripts"));
    Files.createDirectories(dir.resolve("shipctl"));
    this.line = TestLines.parse(LINE);
    RunCiJob declared = (RunCiJob) line.job("app_runCI").orElseThrow();
    CiConfig config = CiConfigs.read(shippableYml);
    this.job =
        new RunCiJob(declared.header(), declared.steps(), declared.hooks(), Optional.of(config));
    this.bag = new LinkedHashMap<>();
    Map<String, Object> shaData = new LinkedHashMap<>();
    shaData.put("branchName", "main");
    shaData.put("commitSha", sha);
    shaData.put("beforeCommitSha", "");
    shaData.put("commitMessage", "the test's commit");
    shaData.put("committer", Map.of("displayName", "Ada Tester", "email", "ada@example.com"));
    shaData.put("lastAuthor", Map.of("displayName", "Ada Tester", "email", "ada@example.com"));
    shaData.put("isGitTag", false);
    // As a ciRepo version of the CLI holds it (engine.gitrepo.ShaData): a JSON null.
    shaData.put("pullRequestNumber", null);
    bag.put("shaData", shaData);
    bag.put("repositoryUrl", repo.toString());
    bag.put("repositoryFullName", "acme/app");
    this.log = new JobLog(dir.resolve("logs/1.log"), "app_runCI", masker, (j, t) -> lines.add(t));
  }

  public CiHarness containers(Executor executor) {
    this.containers = executor;
    return this;
  }

  public CiHarness parallel(int n) {
    this.parallel = n;
    return this;
  }

  public CiHarness setting(String name, String value) {
    settings.put(name, value);
    return this;
  }

  public CiHarness deadline(Instant at) {
    this.deadline = at;
    return this;
  }

  /** {@code blob} of a {@code secure:} entry opens to {@code pairs}. */
  public CiHarness secure(String blob, Map<String, String> pairs) {
    secure.put(blob, pairs);
    return this;
  }

  public void cancelNow() {
    cancelled = true;
  }

  /** Runs the build with the job type's body and no cache, services, credentials nor notices. */
  public BodyOutcome run() {
    return new CiJobType(CiSeams.NONE).body(job).orElseThrow().run(this);
  }

  /** The lines of the job's log so far, masked, as the console shows them. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  public String text() {
    return String.join("\n", lines);
  }

  @Override
  public void close() throws IOException {
    log.close();
  }

  @Override
  public Job job() {
    return job;
  }

  @Override
  public String line() {
    return "test";
  }

  @Override
  public long runId() {
    return 41;
  }

  @Override
  public int buildNumber() {
    return 7;
  }

  @Override
  public String triggeredBy() {
    return "manual";
  }

  @Override
  public Map<String, String> environment() {
    return Map.of(
        "PATH", System.getenv("PATH"), "JOB_NAME", "app_runCI", "BUILD_DIR", build.toString());
  }

  @Override
  public List<Dependency> dependencies() {
    return List.of(
        new Dependency(
            line.resource("app_ciRepo").orElseThrow(),
            "IN",
            build.resolve("IN/app_ciRepo"),
            Optional.of(
                new ResourceVersion(
                    Optional.of(String.valueOf(shaOf())), new LinkedHashMap<>(bag)))));
  }

  @SuppressWarnings("unchecked")
  private Object shaOf() {
    return ((Map<String, Object>) bag.get("shaData")).get("commitSha");
  }

  @Override
  public Path buildFolder() {
    return build;
  }

  @Override
  public Path scriptsFolder() {
    return build.resolve("scripts");
  }

  @Override
  public Path dataFolder() {
    try {
      return Files.createDirectories(dir.resolve("data"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void say(String text) {
    log.runner(text);
  }

  @Override
  public ScriptOutput output(String prefix) {
    return new PrefixedOutput(log, prefix);
  }

  @Override
  public void secret(String value) {
    log.masker().add(value);
  }

  @Override
  public Instant deadline() {
    return deadline;
  }

  @Override
  public CancelSignal cancel() {
    return () -> cancelled;
  }

  @Override
  public String runMark() {
    return runMark;
  }

  @Override
  public int parallel() {
    return parallel;
  }

  @Override
  public Executor host() {
    return host;
  }

  @Override
  public Executor containerExecutor() {
    return containers;
  }

  /** shiprun's own notifiers, as the engine finds them. */
  @Override
  public Optional<Notifier> notifier(String method) {
    return ServiceLoader.load(Notifier.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(n -> n.methods().contains(method))
        .findFirst();
  }

  @Override
  public Map<String, Integration> integrations() {
    return Map.of();
  }

  @Override
  public List<ContainerRequest.RegistryGrant> login(List<String> integrationNames) {
    throw new IllegalArgumentException("no integrations in this test");
  }

  @Override
  public ContainerRequest container(
      Optional<String> imageName,
      String imageTag,
      boolean pull,
      List<String> options,
      List<Path> extraMounts) {
    List<Path> mounts = new ArrayList<>(List.of(build));
    mounts.addAll(extraMounts);
    return new ContainerRequest(
        imageName,
        imageTag,
        pull,
        options,
        mounts,
        List.of(dir.resolve("shipctl")),
        Optional.empty(),
        List.of());
  }

  @Override
  public Map<String, String> registryVariables() {
    return Map.of();
  }

  @Override
  public SecureOpening openSecure(String blob) {
    Map<String, String> pairs = secure.get(blob);
    if (pairs == null) {
      return new SecureOpening(Map.of(), Optional.of("it is not a secure value of this line"));
    }
    pairs.values().forEach(this::secret);
    return new SecureOpening(pairs, Optional.empty());
  }

  @Override
  public Optional<String> nodeSetting(String name) {
    return Optional.ofNullable(settings.get(name));
  }
}
