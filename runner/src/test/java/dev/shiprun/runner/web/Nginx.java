package dev.shiprun.runner.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx as a reverse proxy in front of the daemon at a sub-path ({@code /ci/} → the
 * daemon's {@code /}), started by a test as its own process: configuration, pid, logs and temporary
 * files in the test's folder, a free loopback port, no buffering (so server-sent events stream).
 */
public final class Nginx implements AutoCloseable {

  public static final Path NGINX = Path.of("/usr/sbin/nginx");

  private final Process process;
  private final Path dir;
  private final int port;

  private Nginx(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  /**
   * nginx on a free loopback port that passes {@code prefix} (such as {@code /ci/}) to the server
   * on loopback port {@code upstream}, with the prefix taken off; returns once it accepts
   * connections.
   */
  public static Nginx start(Path dir, String prefix, int upstream) throws Exception {
    if (!Files.isExecutable(NGINX)) {
      throw new IllegalStateException(
          "the sub-path test needs Debian's nginx at "
              + NGINX
              + ": apt-get install -y nginx-light (.ci/run installs it)");
    }
    Files.createDirectories(dir.resolve("temp"));
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = freePort();
      Path conf = dir.resolve("nginx.conf");
      Files.writeString(conf, config(dir, prefix, port, upstream), StandardCharsets.UTF_8);
      Process process =
          new ProcessBuilder(
                  NGINX.toString(),
                  "-p",
                  dir.toString(),
                  "-c",
                  conf.toString(),
                  "-e",
                  dir.resolve("error.log").toString(),
                  "-g",
                  "daemon off;")
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("nginx.out").toFile())
              .start();
      Nginx nginx = new Nginx(process, dir, port);
      try {
        nginx.awaitListening();
        return nginx;
      } catch (IOException e) {
        last = e;
        nginx.close();
      }
    }
    throw last;
  }

  /** The configuration: one server, one location, everything written under {@code dir}. */
  static String config(Path dir, String prefix, int port, int upstream) {
    String d = dir.toAbsolutePath().toString();
    // Workers of a root nginx switch to an unprivileged user that cannot reach the test's folder.
    String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
    return user
        + "worker_processes 1;\n"
        + "pid "
        + d
        + "/nginx.pid;\n"
        + "error_log "
        + d
        + "/error.log info;\n"
        + "events { worker_connections 128; }\n"
        + "http {\n"
        + "  access_log "
        + d
        + "/access.log;\n"
        + "  client_body_temp_path "
        + d
        + "/temp/client;\n"
        + "  proxy_temp_path "
        + d
        + "/temp/proxy;\n"
        + "  fastcgi_temp_path "
        + d
        + "/temp/fastcgi;\n"
        + "  uwsgi_temp_path "
        + d
        + "/temp/uwsgi;\n"
        + "  scgi_temp_path "
        + d
        + "/temp/scgi;\n"
        + "  server {\n"
        + "    listen 127.0.0.1:"
        + port
        + ";\n"
        + "    location "
        + prefix
        + " {\n"
        + "      proxy_pass http://127.0.0.1:"
        + upstream
        + "/;\n"
        + "      proxy_buffering off;\n"
        + "      proxy_http_version 1.1;\n"
        + "      proxy_set_header Connection \"\";\n"
        + "      proxy_set_header Host $host;\n"
        + "      proxy_read_timeout 1h;\n"
        + "    }\n"
        + "  }\n"
        + "}\n";
  }

  public int port() {
    return port;
  }

  /** Every request nginx answered, one line each (its access log). */
  public String accessLog() throws IOException {
    Path log = dir.resolve("access.log");
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  private void awaitListening() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("nginx ended at start: " + output());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IOException("nginx did not listen on " + port + " within 20 s: " + output());
  }

  private String output() throws IOException {
    StringBuilder s = new StringBuilder();
    for (String name : new String[] {"nginx.out", "error.log"}) {
      Path file = dir.resolve(name);
      if (Files.exists(file)) {
        s.append(Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return s.toString().strip();
  }

  /** SIGTERM (nginx's fast shutdown), then SIGKILL if it is still there after 10 s. */
  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
