package dev.shiprun.runner.daemon.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * 400 for a request body that is not the JSON asked for, with where the parser stopped ({@code
 * line}, {@code column}, 1-based; absent when unknown). The detail never quotes the body: it may
 * hold a secret.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection // Jackson reads or writes it; a native image needs it declared
record BodyProblem(
    String type, String title, int status, String detail, Integer line, Integer column) {}
