package dev.shiprun.model.ci;

import dev.shiprun.model.ScriptLine;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code build:} sections of a CI shippable.yml (spec §2.2). {@code ci} is empty when neither
 * {@code build.ci} nor a Travis phase gives commands: the language's defaults run then.
 */
public record CiBuild(
    List<ScriptLine> preCi,
    PreCiBoot preCiBoot,
    List<ScriptLine> ci,
    List<ScriptLine> postCi,
    List<ScriptLine> onSuccess,
    List<ScriptLine> onFailure,
    List<ScriptLine> always,
    List<ScriptLine> push,
    Optional<Boolean> cache,
    List<String> cacheDirList) {

  public CiBuild {
    preCi = List.copyOf(preCi);
    Objects.requireNonNull(preCiBoot, "preCiBoot");
    ci = List.copyOf(ci);
    postCi = List.copyOf(postCi);
    onSuccess = List.copyOf(onSuccess);
    onFailure = List.copyOf(onFailure);
    always = List.copyOf(always);
    push = List.copyOf(push);
    Objects.requireNonNull(cache, "cache");
    cacheDirList = List.copyOf(cacheDirList);
  }
}
