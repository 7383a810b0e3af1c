package dev.shiprun.runner.registry;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Keeps the first {@code max} bytes of a response body and hangs up after them: a probe reads small
 * JSON answers, and a server that sends more must not fill the memory (JDK 17 has no limiting body
 * handler).
 */
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

  private final int max;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  LimitedBody(int max) {
    this.max = max;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    for (ByteBuffer buffer : buffers) {
      int take = Math.min(buffer.remaining(), max - bytes.size());
      byte[] chunk = new byte[take];
      buffer.get(chunk);
      bytes.writeBytes(chunk);
    }
    if (bytes.size() >= max) {
      subscription.cancel();
      result.complete(bytes.toByteArray());
    }
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    result.complete(bytes.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }
}
