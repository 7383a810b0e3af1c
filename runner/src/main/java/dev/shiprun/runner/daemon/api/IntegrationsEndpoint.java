package dev.shiprun.runner.daemon.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.integration.FieldKind;
import dev.shiprun.model.integration.Integration;
import dev.shiprun.model.integration.IntegrationField;
import dev.shiprun.model.integration.IntegrationTypes;
import dev.shiprun.runner.daemon.Problem;
import dev.shiprun.runner.daemon.ProblemException;
import dev.shiprun.runner.daemon.Problems;
import dev.shiprun.runner.registry.ProbeResult;
import dev.shiprun.runner.registry.RegistryLogin;
import dev.shiprun.runner.registry.RegistryProbe;
import dev.shiprun.runner.secrets.IntegrationBuilder;
import dev.shiprun.runner.secrets.IntegrationInputException;
import dev.shiprun.runner.secrets.IntegrationStore;
import dev.shiprun.runner.secrets.IntegrationStore.Described;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/integrations}: the home's account integrations, the same store as {@code shiprun
 * integration}. Secrets are write-only: every answer shows them as {@code ***}, and no message
 * quotes a field's value. A PUT builds through {@link IntegrationBuilder}, so it checks what {@code
 * shiprun integration add} checks; the test runs {@code shiprun integration test}'s probe.
 */
@Path("/api/integrations")
@Tag(name = "integrations", description = "Account integrations; secrets are write-only")
@Produces(MediaType.APPLICATION_JSON)
public class IntegrationsEndpoint {

  /**
   * A PUT's body: the type and the fields, secret ones included (a request body is not a command
   * line: nothing shows it in {@code ps}). Each value is a string, or for a field of named values
   * (a keyValuePair's {@code envs}) an object of strings.
   */
  @RegisterForReflection // Jackson reads or writes it; a native image needs it declared
  public record IntegrationBody(String type, Map<String, JsonNode> fields) {}

  /**
   * What a test found: {@code outcome} (authenticated, wrong-credentials, unreachable, tls-problem,
   * not-a-registry, not-checked), the CLI's one-line message, and whether the credentials work.
   */
  @RegisterForReflection // Jackson reads or writes it; a native image needs it declared
  public record ProbeView(String name, String outcome, String message, boolean authenticated) {}

  /** The API's ways of giving a field, for the builder's messages. */
  private static final IntegrationBuilder.Wording WORDING =
      new IntegrationBuilder.Wording() {
        @Override
        public String named(IntegrationField field) {
          return "field '" + field.name() + "'";
        }

        @Override
        public String give(IntegrationField field) {
          return "add \"" + field.name() + "\" to 'fields'";
        }
      };

  private static final String INTEGRATION = "integration";

  private final DaemonContext daemon;

  @Inject
  public IntegrationsEndpoint(DaemonContext daemon) {
    this.daemon = daemon;
  }

  @GET
  @Operation(summary = "Every integration, secrets as ***")
  public List<Described> list() {
    return List.copyOf(store().describe().values());
  }

  @GET
  @Path("{name}")
  @Operation(summary = "One integration, secrets as ***")
  @APIResponse(responseCode = "200", description = "The integration")
  @APIResponse(responseCode = "404", description = "No integration of that name")
  public Described get(@PathParam("name") String name) {
    Described found = store().describe().get(name);
    if (found == null) {
      throw unknown(name);
    }
    return found;
  }

  @PUT
  @Path("{name}")
  @Operation(summary = "Add or replace an integration; checked as 'shiprun integration add' does")
  @APIResponse(responseCode = "201", description = "Stored, new (secrets as ***)")
  @APIResponse(responseCode = "200", description = "Stored, replacing (secrets as ***)")
  @APIResponse(responseCode = "422", description = "Unknown type or field, bad URL, missing field")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response put(@PathParam("name") String name, IntegrationBody body) {
    Names.check(INTEGRATION, name);
    if (body == null) {
      throw Problems.badRequest(
          "the body is empty; send {\"type\": \"dockerRegistryLogin\", \"fields\": {…}}");
    }
    IntegrationStore store = store();
    Integration integration;
    try {
      integration = build(name, body, store.types());
    } catch (IntegrationInputException e) {
      throw Problems.unprocessable(e.getMessage());
    }
    boolean created = store.put(integration, true);
    return Response.status(created ? 201 : 200).entity(store.describe().get(name)).build();
  }

  @DELETE
  @Path("{name}")
  @Operation(summary = "Remove an integration")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "404", description = "No integration of that name")
  public Response delete(@PathParam("name") String name) {
    if (!store().remove(name)) {
      throw unknown(name);
    }
    return Response.noContent().build();
  }

  /**
   * Checks a stored Docker Registry integration against its registry. 200 with the outcome whatever
   * it is (wrong credentials too: the check itself worked); {@code insecure} as the CLI's {@code
   * --insecure}.
   */
  @POST
  @Path("{name}/test")
  @Operation(summary = "Check a Docker Registry integration's credentials against its registry")
  @APIResponse(
      responseCode = "200",
      description = "The outcome, whatever it is (wrong credentials too)")
  @APIResponse(responseCode = "404", description = "No integration of that name")
  @APIResponse(responseCode = "422", description = "Not a dockerRegistryLogin integration")
  public ProbeView test(@PathParam("name") String name, @QueryParam("insecure") boolean insecure) {
    Integration integration = store().load().get(name);
    if (integration == null) {
      throw unknown(name);
    }
    if (!integration.type().equals(IntegrationTypes.DOCKER_REGISTRY)) {
      throw new ProblemException(
          Problem.of(
              "not-testable",
              "Unprocessable Content",
              422,
              "'"
                  + name
                  + "' is a "
                  + integration.type().masterName()
                  + " integration; test checks "
                  + IntegrationTypes.DOCKER_REGISTRY.masterName()
                  + " integrations"));
    }
    RegistryLogin login;
    try {
      login = RegistryLogin.of(integration);
    } catch (IllegalArgumentException e) {
      throw Problems.unprocessable(e.getMessage());
    }
    ProbeResult result =
        new RegistryProbe(
                RegistryProbe.Options.defaults().withInsecure(insecure), new ObjectMapper())
            .probe(login);
    return new ProbeView(name, outcome(result), result.message(), result.authenticated());
  }

  private static Integration build(String name, IntegrationBody body, IntegrationTypes types) {
    if (body.type() == null || body.type().isBlank()) {
      throw new IntegrationInputException(
          "the body has no 'type'; give the integration's type, such as dockerRegistryLogin");
    }
    IntegrationBuilder builder =
        new IntegrationBuilder(name, IntegrationBuilder.type(types, body.type()), WORDING);
    Map<String, JsonNode> fields = body.fields() == null ? Map.of() : body.fields();
    for (Map.Entry<String, JsonNode> e : fields.entrySet()) {
      IntegrationField field = builder.field(e.getKey());
      JsonNode value = e.getValue();
      if (value == null || value.isNull()) {
        continue;
      }
      if (field.kind() == FieldKind.MAP) {
        builder.entries(field, entries(field, value));
      } else if (!value.isTextual()) {
        throw new IntegrationInputException(
            "field '" + field.name() + "' must be a JSON string; put its value in quotes");
      } else if (field.secret()) {
        builder.secret(field, value.textValue());
      } else {
        builder.text(field, value.textValue());
      }
    }
    return builder.build(SourceLocation.ofFile("PUT /api/integrations/" + name));
  }

  private static Map<String, String> entries(IntegrationField field, JsonNode value) {
    String shape =
        "field '"
            + field.name()
            + "' holds named values: give a JSON object of strings, such as {\"NAME\": \"value\"}";
    if (!value.isObject()) {
      throw new IntegrationInputException(shape);
    }
    Map<String, String> entries = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      if (!entry.getValue().isTextual()) {
        throw new IntegrationInputException(shape);
      }
      entries.put(entry.getKey(), entry.getValue().textValue());
    }
    return entries;
  }

  /** The outcome's name for machines; one per {@link ProbeResult} kind. */
  static String outcome(ProbeResult result) {
    if (result instanceof ProbeResult.Authenticated) {
      return "authenticated";
    } else if (result instanceof ProbeResult.WrongCredentials) {
      return "wrong-credentials";
    } else if (result instanceof ProbeResult.Unreachable) {
      return "unreachable";
    } else if (result instanceof ProbeResult.TlsProblem) {
      return "tls-problem";
    } else if (result instanceof ProbeResult.NotARegistry) {
      return "not-a-registry";
    } else if (result instanceof ProbeResult.NotChecked) {
      return "not-checked";
    }
    throw new AssertionError("unknown probe result " + result.getClass());
  }

  private IntegrationStore store() {
    return daemon.serving().integrations();
  }

  private static ProblemException unknown(String name) {
    return Problems.notFound(
        "the daemon's home has no integration '"
            + name
            + "'; PUT /api/integrations/"
            + name
            + " to add it");
  }
}
