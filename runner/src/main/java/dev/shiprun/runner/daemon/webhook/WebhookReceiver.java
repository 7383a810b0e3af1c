package dev.shiprun.runner.daemon.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.graph.AssemblyLine;
import dev.shiprun.model.integration.FieldValue;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.runner.daemon.DaemonLog;
import dev.shiprun.runner.daemon.Problem;
import dev.shiprun.runner.daemon.ProblemException;
import dev.shiprun.runner.daemon.Problems;
import dev.shiprun.runner.daemon.work.DaemonLines;
import dev.shiprun.runner.daemon.work.DaemonRuns;
import dev.shiprun.runner.engine.gitrepo.Push;
import dev.shiprun.runner.engine.gitrepo.PushVersions;
import dev.shiprun.runner.secrets.IntegrationStore;
import dev.shiprun.runner.store.LineSource;
import dev.shiprun.runner.store.Run;
import dev.shiprun.runner.store.Store;
import dev.shiprun.runner.store.StoredVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A provider's webhook delivery for a line: verified with the line's webhook secret (the
 * integration {@code --webhook-secret LINE=INTEGRATION} names), remembered by its delivery id so a
 * replay does nothing, and a push made into versions of the line's gitRepos and ciRepos of that
 * repository, whose jobs are then queued as a trigger's are. Nothing of the body or the secret is
 * ever logged or answered.
 */
public final class WebhookReceiver {

  /** The largest body taken; providers send far less for a push. */
  public static final int MAX_BODY = 1024 * 1024;

  /** The integration type that holds a line's webhook secret. */
  public static final String SECRET_TYPE = "webhookSecret";

  /** What a delivery did: the HTTP status, in words, and the versions and runs it made. */
  public record Received(
      int status, String message, List<StoredVersion> versions, List<Run> runs) {}

  private final Store store;
  private final DaemonLines lines;
  private final DaemonRuns runs;
  private final IntegrationStore integrations;
  private final Map<String, String> secrets;
  private final PushVersions pushVersions;
  private final DaemonLog log;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  public WebhookReceiver(
      Store store,
      DaemonLines lines,
      DaemonRuns runs,
      IntegrationStore integrations,
      PushVersions pushVersions,
      Clock clock) {
    this.store = store;
    this.lines = lines;
    this.runs = runs;
    this.integrations = integrations;
    this.secrets = runs.settings().webhookSecrets();
    this.pushVersions = pushVersions;
    this.log = runs.log();
    this.clock = clock;
  }

  /**
   * Takes delivery {@code body} of {@code providerName} for {@code line}; {@code headers} gives a
   * request header by name. A problem (as {@link ProblemException}) when it is refused.
   */
  public Received receive(
      String providerName, String line, UnaryOperator<String> headers, byte[] body) {
    WebhookProvider provider =
        WebhookProvider.of(providerName)
            .orElseThrow(
                () ->
                    Problems.notFound(
                        "shiprun takes no webhooks from '"
                            + providerName
                            + "'; use /api/webhooks/github/LINE, /api/webhooks/gitlab/LINE or"
                            + " /api/webhooks/bitbucket/LINE"));
    if (body.length > MAX_BODY) {
      throw new ProblemException(
          Problem.of(
              "too-large",
              "Payload Too Large",
              413,
              "a webhook delivery may hold at most 1 MiB; send push events only"));
    }
    String delivery = provider.deliveryId(headers).orElseGet(() -> "body-" + sha256(body));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("provider", provider.wire());
    fields.put("line", line);
    fields.put("delivery", delivery);
    String said = provider.wire() + " webhook of line " + line + ", delivery " + delivery + ": ";
    Optional<byte[]> secret = secret(line);
    if (secret.isEmpty()) {
      log.event(
          "webhook-refused",
          fields,
          said
              + "refused: the line has no webhook secret (start the daemon with --webhook-secret "
              + line
              + "=INTEGRATION, a webhookSecret integration)");
      throw unverified();
    }
    if (!provider.verifies(secret.get(), headers, body)) {
      log.event("webhook-refused", fields, said + "signature did not verify");
      throw unverified();
    }
    JsonNode payload = payload(body);
    WebhookEvent event = provider.event(provider.eventName(headers), payload);
    boolean fresh =
        store.transaction(
            c -> store.deliveries().remember(c, provider.wire(), delivery, line, clock.instant()));
    if (!fresh) {
      log.event("webhook", fields, said + "already seen; nothing triggered");
      return new Received(200, "already seen", List.of(), List.of());
    }
    Received received;
    try {
      received = handle(line, event);
    } catch (RuntimeException e) {
      // Not handled: the provider's redelivery of it is taken again.
      store.transaction(
          c -> {
            store.deliveries().forget(c, provider.wire(), delivery);
            return null;
          });
      throw e;
    }
    log.event("webhook", fields, said + received.message());
    return received;
  }

  private Received handle(String line, WebhookEvent event) {
    if (event instanceof WebhookEvent.Ping) {
      return new Received(200, "pong", List.of(), List.of());
    }
    if (event instanceof WebhookEvent.Ignored ignored) {
      return new Received(202, ignored.why(), List.of(), List.of());
    }
    if (event instanceof WebhookEvent.Pushed pushed) {
      return push(line, pushed.push());
    }
    throw new AssertionError(event);
  }

  private Received push(String line, Push push) {
    AssemblyLine valid = runs.valid(line);
    Optional<Path> folder = lines.source(line).flatMap(LineSource::path);
    PushVersions.Made made = pushVersions.make(line, valid, folder, push, integrations.load());
    if (made.versions().isEmpty()) {
      if (!made.filteredOut().isEmpty()) {
        return new Received(
            202,
            "ignored: "
                + push.describe()
                + " is not built ("
                + String.join(
                    "; ",
                    made.filteredOut().entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue())
                        .toList())
                + ")",
            List.of(),
            List.of());
      }
      return new Received(
          202,
          "ignored: line "
              + line
              + " has no gitRepo or ciRepo of repository "
              + push.repositoryFullName(),
          List.of(),
          List.of());
    }
    DaemonRuns.Posted posted =
        runs.post(
            line,
            valid,
            made.resources(),
            Map.of(),
            c -> PushVersions.record(c, store, line, push, made));
    return new Received(
        202,
        push.describe()
            + " at "
            + push.commitSha()
            + ": new versions of "
            + String.join(", ", made.resources())
            + (posted.runs().isEmpty()
                ? "; no job reads them with switch on"
                : "; " + posted.runs().size() + " run(s) queued"),
        posted.versions(),
        posted.runs());
  }

  /**
   * The secret of the line's webhookSecret integration, when the daemon was given one (an
   * integration of another type is never taken: its secret is meant for something else).
   */
  private Optional<byte[]> secret(String line) {
    String name = secrets.get(line);
    if (name == null) {
      return Optional.empty();
    }
    Integration integration = integrations.load().get(name);
    if (integration == null || !integration.type().masterName().equals(SECRET_TYPE)) {
      return Optional.empty();
    }
    return integration
        .field("secret")
        .filter(FieldValue.Hidden.class::isInstance)
        .map(v -> ((FieldValue.Hidden) v).value().reveal())
        .filter(s -> !s.isEmpty())
        .map(s -> s.getBytes(StandardCharsets.UTF_8));
  }

  private JsonNode payload(byte[] body) {
    try {
      JsonNode node = json.readTree(body);
      if (node == null || !node.isObject()) {
        throw notJson();
      }
      return node;
    } catch (IOException e) {
      throw notJson();
    }
  }

  private static ProblemException notJson() {
    return new ProblemException(
        Problem.of(
            "invalid-body",
            "Bad Request",
            400,
            "the delivery's body is not a JSON object; set the webhook's content type to"
                + " application/json"));
  }

  private static ProblemException unverified() {
    return new ProblemException(
        Problem.of(
            "unverified",
            "Unauthorized",
            401,
            "the delivery did not verify with the line's webhook secret; give the provider the"
                + " secret of the daemon's --webhook-secret integration for this line"));
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
