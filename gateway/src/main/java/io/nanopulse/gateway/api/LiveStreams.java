package io.nanopulse.gateway.api;

import io.nanopulse.gateway.api.auth.ApiKeyIdentityProvider;
import io.nanopulse.gateway.application.ApiKeys;
import io.nanopulse.gateway.application.StreamSlots;
import io.nanopulse.gateway.config.GatewayConfig;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * A service's event stream as the caller's Server-Sent Events: each event's data as it arrives, a comment
 * line every nanopulse.gateway.stream-heartbeat (so a quiet stream outlives idle timeouts), and the end of
 * the stream once the caller's key is revoked or loses the role: the key is read from the key store every
 * nanopulse.gateway.auth.cache-ttl, so a revocation on any instance ends the stream within that time. While
 * the store cannot be reached, the stream stays open. Each stream holds a slot of {@link StreamSlots} from
 * before its service is called until it ends for any reason.
 */
@ApplicationScoped
public class LiveStreams {
    private static final Logger LOG = Logger.getLogger(LiveStreams.class);

    private final ApiKeys keys;
    private final StreamSlots slots;
    private final SecurityIdentity identity;
    private final Duration heartbeat;
    private final Duration recheck;

    public LiveStreams(ApiKeys keys, StreamSlots slots, SecurityIdentity identity, GatewayConfig config) {
        this.keys = keys;
        this.slots = slots;
        this.identity = identity;
        this.heartbeat = config.streamHeartbeat();
        this.recheck = config.auth().cacheTtl();
    }

    /**
     * A slot for one more stream of the caller's key, to pass to {@link #open}.
     *
     * @throws io.nanopulse.gateway.application.TooManyStreamsException when the key or this instance is at its limit
     */
    public StreamSlots.Slot reserve() {
        Long keyId = identity.getAttribute(ApiKeyIdentityProvider.KEY_ID);
        return slots.acquire(keyId == null ? -1 : keyId);
    }

    /** The caller's stream of {@code data}, open while the caller's key holds {@code role}; releases the slot at its end. */
    public Multi<OutboundSseEvent> open(StreamSlots.Slot slot, Multi<String> data, String role, Sse sse) {
        Long keyId = identity.getAttribute(ApiKeyIdentityProvider.KEY_ID);
        OutboundSseEvent end = sse.newEventBuilder().comment("end").build();
        OutboundSseEvent beat = sse.newEventBuilder().comment("heartbeat").build();
        Multi<OutboundSseEvent> events = data
                .map(d -> sse.newEventBuilder().data(String.class, d).mediaType(MediaType.TEXT_PLAIN_TYPE).build())
                .onCompletion().continueWith(end);
        Multi<OutboundSseEvent> beats = Multi.createFrom().ticks().every(heartbeat)
                .onOverflow().drop()
                .map(t -> beat);
        Multi<OutboundSseEvent> revoked = Multi.createFrom().ticks().every(recheck)
                .onOverflow().drop()
                .onItem().transformToUniAndConcatenate(t -> admits(keyId, role))
                .filter(admitted -> !admitted)
                .map(x -> end);
        return Multi.createBy().merging().streams(events, beats, revoked)
                .select().first(e -> e != end)
                .onTermination().invoke(slot::release);
    }

    private Uni<Boolean> admits(Long keyId, String role) {
        if (keyId == null) {
            return Uni.createFrom().item(false);
        }
        return Uni.createFrom().item(() -> keys.admits(keyId, role))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("stream of key %d kept open: its key cannot be checked (%s)", keyId, e.toString());
                    return true;
                });
    }
}
