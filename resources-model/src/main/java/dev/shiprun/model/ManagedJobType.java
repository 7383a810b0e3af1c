package dev.shiprun.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Shippable's managed job types: Shippable ran them with its own logic, shiprun does not run them.
 * Each knows the job keys its docs page documents besides the common ones (so they are not unknown
 * keys) and what a user writes instead.
 */
public enum ManagedJobType {
  DEPLOY(
      "deploy",
      Set.of("method", "deployMethod", "maxWaitTime", "stabilityDuration", "workflow"),
      "a runSh job whose TASK deploys with the cluster's own tool (kubectl, docker, aws ecs …)"
          + " and records what it deployed with 'shipctl put_resource_state'"),
  MANIFEST(
      "manifest",
      Set.of(),
      "a runSh job that reads the image or file resources and writes the service definition"
          + " to a state or params OUT with 'shipctl put_resource_state'"),
  RELEASE(
      "release",
      Set.of("bump"),
      "a runSh job that bumps a version resource with 'shipctl bump_version' and writes it"
          + " with 'shipctl put_resource_state'"),
  PROVISION(
      "provision",
      Set.of(),
      "a runSh job whose TASK creates the load balancer with the cluster's own tool"
          + " (kubectl, gcloud, az)"),
  RSYNC(
      "rSync",
      Set.of(),
      "no job at all: shiprun reads the line's YAML files itself each time it runs"),
  JENKINS_JOB(
      "jenkinsJob",
      Set.of(),
      "a runSh job whose TASK starts the Jenkins job through its REST API (curl)"),
  EXTERNAL_CI(
      "externalCI",
      Set.of(),
      "a runSh job whose TASK starts or waits for the external build through its API (curl)");

  private final String yaml;
  private final Set<String> keys;
  private final String instead;

  ManagedJobType(String yaml, Set<String> keys, String instead) {
    this.yaml = yaml;
    this.keys = keys;
    this.instead = instead;
  }

  /** The type as written after {@code type:}. */
  public String yaml() {
    return yaml;
  }

  /** Job keys the type's docs page documents besides those every job has. */
  public Set<String> keys() {
    return keys;
  }

  /** What to write instead, for a hint. */
  public String instead() {
    return instead;
  }

  public static Optional<ManagedJobType> fromYaml(String text) {
    return Arrays.stream(values()).filter(t -> t.yaml.equals(text)).findFirst();
  }

  public static List<String> yamlNames() {
    return Arrays.stream(values()).map(ManagedJobType::yaml).toList();
  }
}
