package dev.shiprun.runner.daemon.api;

import io.smallrye.openapi.api.SmallRyeOpenAPI;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;

/**
 * {@code GET /q/openapi}: the API as OpenAPI 3, YAML (or JSON with {@code ?format=json} or {@code
 * Accept: application/json}). SmallRye OpenAPI scans the endpoints' JAX-RS and OpenAPI annotations
 * on the first request and the document is kept: the Quarkus extension would build it while the app
 * boots, for every command, which shows in the rows "CLI start: shiprun --help" and "daemon: first
 * HTTP answer" (docs/benchmarks.md, "Speed tricks and the rows they serve").
 */
@Path("/q/openapi")
public class OpenApiEndpoint {

  /** The API's classes: the endpoints and what describes them; their records follow. */
  private static final List<Class<?>> ROOTS =
      List.of(
          ApiDescription.class,
          VersionEndpoint.class,
          LinesEndpoint.class,
          LinePictureEndpoint.class,
          IntegrationsEndpoint.class,
          TriggerEndpoint.class,
          TriggerResourceEndpoint.class,
          RunsEndpoint.class,
          RunLogEndpoint.class,
          ResourceVersionsEndpoint.class,
          MetricsEndpoint.class);

  private volatile SmallRyeOpenAPI document;

  @GET
  @Produces({"application/yaml", "application/json"})
  @Operation(summary = "This API as OpenAPI 3 (YAML, or JSON with ?format=json)")
  public Response openapi(
      @QueryParam("format") String format, @jakarta.ws.rs.core.Context HttpHeaders headers) {
    boolean json =
        "json".equalsIgnoreCase(format)
            || (format == null
                && headers.getAcceptableMediaTypes().stream()
                    .anyMatch(m -> m.getSubtype().equals("json")));
    SmallRyeOpenAPI doc = document();
    return Response.ok(json ? doc.toJSON() : doc.toYAML())
        .type(json ? "application/json" : "application/yaml")
        .build();
  }

  private SmallRyeOpenAPI document() {
    SmallRyeOpenAPI doc = document;
    if (doc == null) {
      synchronized (this) {
        doc = document;
        if (doc == null) {
          doc =
              SmallRyeOpenAPI.builder()
                  .withConfig(ConfigProvider.getConfig())
                  .withIndex(index())
                  .withApplicationClassLoader(OpenApiEndpoint.class.getClassLoader())
                  .withScannerClassLoader(OpenApiEndpoint.class.getClassLoader())
                  .enableModelReader(false)
                  .enableStandardStaticFiles(false)
                  .defaultRequiredProperties(false)
                  .build();
          document = doc;
        }
      }
    }
    return doc;
  }

  /** A Jandex index of the endpoints and of shiprun's types they take and return. */
  static Index index() {
    Indexer indexer = new Indexer();
    Set<Class<?>> seen = new LinkedHashSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>(ROOTS);
    while (!todo.isEmpty()) {
      Class<?> c = todo.pop();
      if (!seen.add(c)) {
        continue;
      }
      try {
        indexer.indexClass(c);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (Method m : c.getDeclaredMethods()) {
        follow(m.getGenericReturnType(), todo);
        for (Type p : m.getGenericParameterTypes()) {
          follow(p, todo);
        }
      }
      if (c.isRecord()) {
        for (RecordComponent rc : c.getRecordComponents()) {
          follow(rc.getGenericType(), todo);
        }
      }
      for (Class<?> nested : c.getDeclaredClasses()) {
        todo.push(nested);
      }
    }
    return indexer.complete();
  }

  private static void follow(Type type, Deque<Class<?>> todo) {
    if (type instanceof Class<?> c) {
      if (c.getName().startsWith("dev.shiprun.") && !c.isPrimitive()) {
        todo.push(c);
      }
    } else if (type instanceof ParameterizedType p) {
      follow(p.getRawType(), todo);
      for (Type a : p.getActualTypeArguments()) {
        follow(a, todo);
      }
    }
  }
}
