package dev.shiprun.runner.ci.services;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A service a CI build may ask for and how an image that has it starts it: the programs that show
 * the image has it, and the command that starts it in the background (as Shippable's images did,
 * through the init script where the package installs one).
 */
enum KnownService {
  POSTGRES(
      List.of("postgres", "postgresql"),
      List.of("service", "pg_ctlcluster"),
      "service postgresql start"),
  MYSQL(List.of("mysql"), List.of("service", "mysqld"), "service mysql start"),
  MARIADB(List.of("mariadb"), List.of("service", "mariadbd"), "service mariadb start"),
  MONGODB(
      List.of("mongodb", "mongo"),
      List.of("mongod"),
      "mkdir -p /data/db && mongod --fork --logpath /var/log/mongod.log --dbpath /data/db"),
  REDIS(List.of("redis"), List.of("redis-server"), "redis-server --daemonize yes"),
  MEMCACHED(List.of("memcached"), List.of("memcached"), "memcached -d -u nobody"),
  RABBITMQ(List.of("rabbitmq"), List.of("rabbitmq-server"), "rabbitmq-server -detached"),
  ELASTICSEARCH(
      List.of("elasticsearch"), List.of("service", "elasticsearch"), "service elasticsearch start"),
  CASSANDRA(List.of("cassandra"), List.of("cassandra"), "cassandra -R"),
  NEO4J(List.of("neo4j"), List.of("neo4j"), "neo4j start"),
  COUCHDB(List.of("couchdb"), List.of("couchdb"), "couchdb -b");

  private final List<String> names;
  private final List<String> programs;
  private final String start;

  KnownService(List<String> names, List<String> programs, String start) {
    this.names = names;
    this.programs = programs;
    this.start = start;
  }

  /** The service a {@code services:} entry names, whatever its case. */
  static Optional<KnownService> named(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    for (KnownService s : values()) {
      if (s.names.contains(wanted)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The programs the image must have on its PATH. */
  List<String> programs() {
    return programs;
  }

  /** The command that starts it. */
  String start() {
    return start;
  }
}
