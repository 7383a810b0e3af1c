package dev.shiprun.runner.daemon.api;

import dev.shiprun.runner.daemon.webhook.WebhookReceiver;
import dev.shiprun.runner.engine.gitrepo.PushVersions;
import dev.shiprun.runner.git.Git;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/webhooks/{provider}/{line}}: a GitHub, GitLab or Bitbucket push for a line. No
 * API token (a provider cannot send one): the line's webhook secret verifies it instead ({@link
 * AccessFilter} lets exactly this path through).
 */
@Path("/api/webhooks/{provider}/{line}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "runs")
public class WebhookEndpoint {

  /** How long looking into the line's folder for the pushed commit may take. */
  private static final Duration GIT_LIMIT = Duration.ofSeconds(30);

  /** What a delivery did: in words, and the versions and runs a push made. */
  @RegisterForReflection // Jackson reads or writes it; a native image needs it declared
  public record DeliveryView(
      String status,
      String provider,
      String line,
      List<ResourceVersionsEndpoint.VersionView> versions,
      List<RunView> runs) {}

  private final DaemonContext daemon;

  @Inject
  public WebhookEndpoint(DaemonContext daemon) {
    this.daemon = daemon;
  }

  @POST
  @Operation(
      summary = "A provider's webhook delivery (GitHub, GitLab, Bitbucket)",
      description =
          "Verified with the line's webhook secret, not the API token: GitHub's"
              + " X-Hub-Signature-256, GitLab's X-Gitlab-Token, Bitbucket's X-Hub-Signature; else"
              + " 401. A push (or tag push) makes versions of the line's gitRepos and ciRepos of"
              + " the repository and queues the jobs that read them (202); a branch they do not"
              + " build, or another event, is ignored (202); a ping is 200; a delivery id seen"
              + " before is 200 \"already seen\". Bodies over 1 MiB get 413.")
  @Consumes(MediaType.WILDCARD)
  public Response deliver(
      @PathParam("provider") String provider,
      @PathParam("line") String line,
      @Context HttpHeaders headers,
      byte[] body) {
    DaemonContext.Opened opened = daemon.serving();
    WebhookReceiver receiver =
        new WebhookReceiver(
            opened.store(),
            opened.lines(),
            opened.runs(),
            opened.integrations(),
            new PushVersions(new Git(GIT_LIMIT)),
            Clock.systemUTC());
    WebhookReceiver.Received received =
        receiver.receive(
            provider, line, headers::getHeaderString, body == null ? new byte[0] : body);
    return Response.status(received.status())
        .entity(
            new DeliveryView(
                received.message(),
                provider,
                line,
                received.versions().stream().map(ResourceVersionsEndpoint.VersionView::of).toList(),
                received.runs().stream().map(RunView::of).toList()))
        .build();
  }
}
