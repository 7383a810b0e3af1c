/**
 * The plugin interfaces of shiprun: job types, resource types, integration types, executors and
 * notifiers. A plugin is a class that implements one of them, named in its jar's {@code
 * META-INF/services} file of that interface; the built-in ones are plugins like any other. See
 * docs/plugins.md.
 */
package dev.shiprun.spi;
