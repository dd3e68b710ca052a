package io.nanopulse.gateway.application;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.nanopulse.gateway.config.GatewayConfig;
import io.nanopulse.gateway.domain.Service;
import io.nanopulse.gateway.domain.Verb;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Successful answers of read-only queries, shared by every caller. An answer older than
 * nanopulse.gateway.read-cache.ttl is still served while one background call refreshes it, so a busy
 * query never waits for the service; one not asked for two TTLs is dropped, so no answer is ever more than
 * two TTLs old. Concurrent first calls of a query make one downstream call; errors and failures are never
 * kept (a failed refresh keeps the previous answer until it ages out). Only for answers that do not depend
 * on who asks.
 */
@ApplicationScoped
public class ReadCache {
    private record Key(Service service, String uri) {
    }

    private final AsyncLoadingCache<Key, Reply> cache;
    private final boolean enabled;
    private final Downstream downstream;

    public ReadCache(GatewayConfig config, Downstream downstream) {
        this.downstream = downstream;
        Duration ttl = config.readCache().ttl();
        this.enabled = !ttl.isZero() && !ttl.isNegative();
        long maxAge = enabled ? ttl.multipliedBy(2).toNanos() : 1;
        this.cache = Caffeine.newBuilder()
                .maximumSize(config.readCache().maximumSize())
                .refreshAfterWrite(enabled ? ttl : Duration.ofNanos(1))
                .expireAfter(new Expiry<Key, Reply>() {
                    @Override
                    public long expireAfterCreate(Key key, Reply reply, long now) {
                        return reply.status() == 200 ? maxAge : 0;
                    }

                    @Override
                    public long expireAfterUpdate(Key key, Reply reply, long now, long current) {
                        return expireAfterCreate(key, reply, now);
                    }

                    @Override
                    public long expireAfterRead(Key key, Reply reply, long now, long current) {
                        return current;
                    }
                })
                .buildAsync((key, executor) -> call(key).subscribeAsCompletionStage());
    }

    private Uni<Reply> call(Key key) {
        return downstream.call(key.service(), Verb.GET, key.uri(), Forwarding.GATEWAY, Forwarding.serviceHeaders(), null);
    }

    public Uni<Reply> get(Service service, String uri) {
        Key key = new Key(service, uri);
        if (!enabled) {
            return call(key);
        }
        Context context = Vertx.currentContext();
        CompletableFuture<Reply> answer = cache.get(key);
        Uni<Reply> reply = Uni.createFrom().completionStage(answer);
        // A caller that joined another's call is resumed on its own request's context.
        return answer.isDone() || context == null ? reply : reply.emitOn(task -> context.runOnContext(v -> task.run()));
    }
}
