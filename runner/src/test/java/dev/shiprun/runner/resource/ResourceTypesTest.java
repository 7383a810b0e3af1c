package dev.shiprun.runner.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shiprun.model.GenericResource;
import dev.shiprun.model.GitRepoResource;
import dev.shiprun.model.ImageResource;
import dev.shiprun.model.ParamsResource;
import dev.shiprun.model.ResourceDefinition;
import dev.shiprun.model.ResourceHeader;
import dev.shiprun.model.StateResource;
import dev.shiprun.model.TriggerResource;
import dev.shiprun.model.diagnostic.SourceLocation;
import dev.shiprun.model.yaml.YamlMapping;
import dev.shiprun.spi.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which type a resource has: by its record for the model's kinds, by its name for the rest. */
class ResourceTypesTest {

  private static final SourceLocation AT = new SourceLocation("shippable.yml", 1, 1);

  /** A plugin's type, named as a type: the YAML may give. */
  private static final class PluginType implements ResourceType {
    private final String name;

    PluginType(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }
  }

  private static ResourceHeader header(String name, String type) {
    return new ResourceHeader(name, type, Optional.empty(), ResourceDefinition.NONE, List.of(), AT);
  }

  private static List<ResourceType> builtIns() {
    List<ResourceType> out = new ArrayList<>();
    ResourceTypes.load().all().forEach(out::add);
    return out;
  }

  @Test
  void theModelsKindsHaveTheirBuiltInTypeByRecord() {
    ResourceTypes types = ResourceTypes.load();
    assertInstanceOf(ImageResourceType.class, types.of(new ImageResource(header("img", "image"))));
    assertInstanceOf(
        GitRepoResourceType.class, types.of(new GitRepoResource(header("repo", "gitRepo"))));
    assertInstanceOf(StateResourceType.class, types.of(new StateResource(header("st", "state"))));
    assertInstanceOf(
        TriggerResourceType.class, types.of(new TriggerResource(header("go", "trigger"))));
    assertInstanceOf(
        ParamsResourceType.class,
        types.of(
            new ParamsResource(
                header("p", "params"), new YamlMapping(List.of(), AT), Optional.empty())));
  }

  @Test
  void aGenericResourceHasTheTypeOfItsNameElseTheGenericOne() {
    ResourceTypes types = ResourceTypes.load();
    assertInstanceOf(
        CiRepoResourceType.class, types.of(new GenericResource(header("ci", "ciRepo"))));
    assertInstanceOf(GenericResourceType.class, types.of(new GenericResource(header("f", "file"))));
    assertTrue(types.knows("ciRepo"));
    assertFalse(types.knows("file"));
    assertFalse(types.knows(GenericResourceType.NAME), "no resource names the generic type");
  }

  @Test
  void aPluginTypeWinsForItsNameOnly() {
    List<ResourceType> all = builtIns();
    PluginType file = new PluginType("file");
    all.add(file);
    ResourceTypes types = new ResourceTypes(all);
    assertSame(file, types.of(new GenericResource(header("f", "file"))));
    assertTrue(types.knows("file"));
    assertInstanceOf(
        GenericResourceType.class, types.of(new GenericResource(header("c", "cluster"))));
    assertInstanceOf(ImageResourceType.class, types.of(new ImageResource(header("img", "image"))));
  }

  @Test
  void twoTypesOfOneNameAreRefused() {
    List<ResourceType> all = builtIns();
    all.add(new PluginType("gitRepo"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ResourceTypes(all));
    assertTrue(
        e.getMessage().startsWith("resource type 'gitRepo' is defined twice"), e.getMessage());
  }

  @Test
  void everyRecordNeedsItsBuiltInType() {
    List<ResourceType> all = builtIns();
    all.removeIf(t -> t.name().equals("state"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ResourceTypes(all));
    assertEquals(
        "no resource type 'state': the runner's built-in types are incomplete", e.getMessage());
  }
}
