package dev.shiprun.runner.plugin;

/**
 * A plugin that cannot be used: a jar built for other plugin interfaces, a class that will not
 * load, two plugins with one name. The message is one line naming the jar and the plugin, and the
 * fix.
 */
public final class PluginException extends RuntimeException {

  public PluginException(String message) {
    super(message, null, false, false);
  }
}
