package dev.shiprun.runner.shipctl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A minimal IRC server for tests: one client, welcomed after USER, its lines up to QUIT. */
public final class IrcServer {

  private IrcServer() {}

  /** Serves one client on {@code irc} and returns the lines it sent. */
  public static List<String> serve(ServerSocket irc) {
    List<String> lines = new ArrayList<>();
    try (Socket client = irc.accept();
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8)) {
      client.setSoTimeout(30_000);
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
        if (line.startsWith("USER ")) {
          String nick = line.split(" ")[1];
          out.write(":irc.test 001 " + nick + " :Welcome\r\n");
          out.flush();
        }
        if (line.equals("QUIT")) {
          break;
        }
      }
    } catch (IOException e) {
      lines.add("server error: " + e);
    }
    return lines;
  }
}
