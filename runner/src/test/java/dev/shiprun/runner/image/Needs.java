package dev.shiprun.runner.image;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a test class or method needs from the machine, checked by {@link Prerequisites} before it
 * runs: missing, the test is reported as skipped with what to install (on a class: each of its
 * tests, and its {@code @BeforeAll} does not run); under CI it fails instead.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Prerequisites.class)
@interface Needs {

  /** Commands that must be on the machine (in one of the usual bin and sbin folders). */
  String[] commands();

  /** Whether the test must run as root. */
  boolean root() default false;

  /** How to get them, e.g. {@code apt-get install podman runc}. */
  String fix();
}
