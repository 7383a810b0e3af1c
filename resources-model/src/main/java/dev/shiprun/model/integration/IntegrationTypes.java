package dev.shiprun.model.integration;

import static dev.shiprun.model.integration.IntegrationField.optionalSecret;
import static dev.shiprun.model.integration.IntegrationField.optionalText;
import static dev.shiprun.model.integration.IntegrationField.secret;
import static dev.shiprun.model.integration.IntegrationField.text;
import static dev.shiprun.model.integration.IntegrationField.url;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The integration types shiprun knows: the built-in ones of spec §3.5, plus those its plugins add
 * (the runner loads them and gives them to {@link #builtInAnd}).
 */
public final class IntegrationTypes {

  /** Docker Hub's registry address, used when a Docker Registry integration gives no URL. */
  public static final String DOCKER_HUB_URL = "https://index.docker.io/v1/";

  public static final IntegrationType DOCKER_REGISTRY =
      new IntegrationType(
          "dockerRegistryLogin",
          "Docker Registry",
          List.of("docker-registry", "dockerRegistry"),
          List.of(url("url", false), text("username"), secret("password"), optionalText("email")),
          Optional.of(DOCKER_HUB_URL));

  private static final List<IntegrationType> BUILT_IN =
      List.of(
          DOCKER_REGISTRY,
          new IntegrationType(
              "amazonKeys",
              "AWS Keys",
              List.of("aws-keys", "awsKeys"),
              List.of(text("accessKey"), secret("secretKey")),
              Optional.empty()),
          new IntegrationType(
              "keyValuePair",
              "Key-Value pair",
              List.of("key-value", "keyValue"),
              List.of(new IntegrationField("envs", FieldKind.MAP, true, true)),
              Optional.empty()),
          new IntegrationType(
              "sshKey",
              "SSH Key",
              List.of("ssh-key"),
              List.of(text("publicKey"), secret("privateKey")),
              Optional.empty()),
          new IntegrationType(
              "pemKey", "PEM Key", List.of("pem-key"), List.of(secret("key")), Optional.empty()),
          new IntegrationType(
              "gcloudKey",
              "Google Cloud",
              List.of("gcloud", "google-cloud"),
              List.of(secret("JSON_key")),
              Optional.empty()),
          new IntegrationType(
              "quayLogin",
              "Quay.io",
              List.of("quay"),
              List.of(
                  url("url", false),
                  text("username"),
                  secret("password"),
                  optionalText("email"),
                  optionalSecret("accessToken")),
              Optional.of("https://quay.io")),
          new IntegrationType(
              "artifactoryKey",
              "JFrog Artifactory",
              List.of("artifactory"),
              List.of(url("url", true), text("username"), secret("password")),
              Optional.empty()),
          new IntegrationType(
              "kubernetesConfig",
              "Kubernetes",
              List.of("kubernetes"),
              List.of(secret("kubeConfigContent")),
              Optional.empty()),
          new IntegrationType(
              "azureKeys",
              "Azure",
              List.of("azure"),
              List.of(text("appId"), secret("password"), text("tenant")),
              Optional.empty()),
          new IntegrationType(
              "slackKey",
              "Slack",
              List.of("slack"),
              List.of(new IntegrationField("webhookUrl", FieldKind.URL, true, true)),
              Optional.empty()),
          new IntegrationType(
              "webhookV2",
              "Webhook",
              List.of("webhook"),
              List.of(
                  new IntegrationField("webhookURL", FieldKind.URL, true, true),
                  optionalSecret("authorization")),
              Optional.empty()),
          new IntegrationType(
              "gitCredential",
              "Git Credential",
              List.of("git-credential"),
              List.of(text("host"), optionalText("port"), text("username"), secret("password")),
              Optional.empty()),
          new IntegrationType(
              "github",
              "GitHub",
              List.of(),
              List.of(url("url", false), secret("token")),
              Optional.of("https://api.github.com")),
          new IntegrationType(
              "bitbucket",
              "Bitbucket",
              List.of(),
              List.of(url("url", false), optionalText("username"), secret("token")),
              Optional.of("https://api.bitbucket.org")),
          new IntegrationType(
              "gitlab",
              "GitLab",
              List.of(),
              List.of(url("url", true), secret("token")),
              Optional.empty()),
          // shiprun's own: the secret that verifies a line's provider webhooks (the daemon's
          // --webhook-secret names one per line).
          new IntegrationType(
              "webhookSecret",
              "Webhook secret",
              List.of("webhook-secret"),
              List.of(secret("secret")),
              Optional.empty()));

  private final List<IntegrationType> types;

  private IntegrationTypes(List<IntegrationType> types) {
    this.types = List.copyOf(types);
  }

  /** The built-in types only. */
  public static IntegrationTypes builtIn() {
    return new IntegrationTypes(BUILT_IN);
  }

  /** The built-in types followed by {@code added} (the plugins' types). */
  public static IntegrationTypes builtInAnd(List<IntegrationType> added) {
    List<IntegrationType> all = new ArrayList<>(BUILT_IN);
    all.addAll(added);
    return new IntegrationTypes(all);
  }

  public List<IntegrationType> all() {
    return types;
  }

  public Optional<IntegrationType> find(String name) {
    return types.stream().filter(t -> t.isCalled(name)).findFirst();
  }

  /** Every name a user may write for a type, for "did you mean" hints. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    for (IntegrationType type : types) {
      names.add(type.masterName());
      names.add(type.displayName());
      names.addAll(type.aliases());
    }
    return names;
  }
}
