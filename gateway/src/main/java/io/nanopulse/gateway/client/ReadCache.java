package io.nanopulse.gateway.client;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.nanopulse.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Successful answers of read-only queries, shared by every caller for nanopulse.gateway.read-cache.ttl.
 * Concurrent misses of one query make one downstream call; errors and failures are never kept. Only for
 * answers that do not depend on who asks.
 */
@ApplicationScoped
public class ReadCache {
    private final AsyncCache<String, Reply> cache;
    private final boolean enabled;

    public ReadCache(GatewayConfig config) {
        long ttl = config.readCache().ttl().toNanos();
        this.enabled = ttl > 0;
        this.cache = Caffeine.newBuilder()
                .maximumSize(config.readCache().maximumSize())
                .expireAfter(new Expiry<String, Reply>() {
                    @Override
                    public long expireAfterCreate(String key, Reply reply, long now) {
                        return reply.status() == 200 ? ttl : 0;
                    }

                    @Override
                    public long expireAfterUpdate(String key, Reply reply, long now, long current) {
                        return expireAfterCreate(key, reply, now);
                    }

                    @Override
                    public long expireAfterRead(String key, Reply reply, long now, long current) {
                        return current;
                    }
                })
                .buildAsync();
    }

    public Uni<Reply> get(String key, Supplier<Uni<Reply>> call) {
        if (!enabled) {
            return call.get();
        }
        Context context = Vertx.currentContext();
        CompletableFuture<Reply> answer = cache.get(key, (k, executor) -> call.get().subscribeAsCompletionStage());
        Uni<Reply> reply = Uni.createFrom().completionStage(answer);
        // A caller that joined another's call is resumed on its own request's context.
        return answer.isDone() || context == null ? reply : reply.emitOn(task -> context.runOnContext(v -> task.run()));
    }
}
