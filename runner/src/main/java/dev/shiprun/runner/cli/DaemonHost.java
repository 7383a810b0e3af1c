package dev.shiprun.runner.cli;

import dev.shiprun.runner.daemon.api.ApiCertificates;
import dev.shiprun.runner.daemon.api.DaemonContext;

/**
 * What only Quarkus can give {@code shiprun daemon}: the endpoints' context it opens, the API's
 * certificate it reloads, and the address HTTP listens on.
 */
public record DaemonHost(
    DaemonContext context, ApiCertificates certificates, String host, int port) {}
