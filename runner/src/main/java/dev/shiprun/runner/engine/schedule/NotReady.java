package dev.shiprun.runner.engine.schedule;

/**
 * A job of a whole-line run that cannot start in this invocation because an input has no version,
 * and why (which input, and why it has none when that is known).
 */
public record NotReady(String job, String reason) {}
