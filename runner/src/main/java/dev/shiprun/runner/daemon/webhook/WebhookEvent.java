package dev.shiprun.runner.daemon.webhook;

import dev.shiprun.runner.engine.gitrepo.Push;

/** What a provider's delivery says: a ping, a push, or something shiprun does not build. */
public sealed interface WebhookEvent {

  /** The provider checks the hook (GitHub's {@code ping}). */
  record Ping() implements WebhookEvent {}

  /** A branch or tag moved to a commit. */
  record Pushed(Push push) implements WebhookEvent {}

  /** Anything else (another event, a deleted branch); {@code why} in words. */
  record Ignored(String why) implements WebhookEvent {}
}
