package dev.shiprun.runner.doctor;

import java.nio.file.Path;

/**
 * A container command that answered {@code info}: the image checks use it.
 *
 * @param cli the command's path
 * @param word {@code podman} or {@code docker}, for the commands a fix names
 */
record Engine(Path cli, String word) {}
