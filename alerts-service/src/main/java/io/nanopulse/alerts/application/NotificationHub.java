package io.nanopulse.alerts.application;

import io.nanopulse.alerts.config.AlertsConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Live fan-out of notifications to this instance's SSE clients. Fed only by the stream listener, which
 * hears every instance's announced transitions (PostgreSQL LISTEN) in commit order: each stream sees every
 * notification of its subscriber once, in order, whichever instance committed it. While the listener is
 * not listening, open streams are ended (their clients reconnect) rather than left open with a gap, and no
 * stream opens ({@link NotListening}: 503, the client retries).
 */
@ApplicationScoped
public class NotificationHub {
    private final Map<UUID, Set<MultiEmitter<? super String>>> streams = new HashMap<>();
    private final int bufferSize;
    private volatile boolean listening;
    private boolean stopping;

    @Inject
    public NotificationHub(AlertsConfig config) {
        this(config.stream().bufferSize());
    }

    NotificationHub(int bufferSize) {
        this.bufferSize = Math.max(1, bufferSize);
    }

    /** The listener is not listening: a stream opened now would miss what is committed until it is again. */
    public static class NotListening extends RuntimeException {
        NotListening() {
            super("this instance's stream listener is reconnecting to the database; retry shortly", null, false, false);
        }
    }

    /**
     * The subscriber's notifications (CloudEvent JSON) committed from now on. A client more than the buffer
     * behind fails its stream rather than holding memory. Throws {@link NotListening} while not listening.
     */
    public Multi<String> stream(UUID subscriberId) {
        if (!listening) {
            throw new NotListening();
        }
        return Multi.createFrom().<String>emitter(e -> follow(subscriberId, e), BackPressureStrategy.ERROR)
                .onOverflow().buffer(bufferSize);
    }

    /** Whether a client of this instance follows the subscriber (the listener loads nothing for others). */
    public synchronized boolean follows(UUID subscriberId) {
        return streams.containsKey(subscriberId);
    }

    /** One committed notification, in commit order (called by the one listener thread). */
    public synchronized void publish(UUID subscriberId, String notification) {
        Set<MultiEmitter<? super String>> followers = streams.get(subscriberId);
        if (followers != null) {
            // A copy: an emitter that overflows terminates, and unfollows, during emit.
            for (MultiEmitter<? super String> e : List.copyOf(followers)) {
                e.emit(notification);
            }
        }
    }

    /** Whether the listener hears every instance's commits; losing it ends the open streams. */
    public void listening(boolean now) {
        boolean was = listening;
        listening = now;
        if (was && !now) {
            endAll();
        }
    }

    public boolean listening() {
        return listening;
    }

    private synchronized void follow(UUID subscriberId, MultiEmitter<? super String> e) {
        if (stopping || !listening) { // stopped listening since stream(): end at once, the client reconnects
            e.complete();
            return;
        }
        streams.computeIfAbsent(subscriberId, k -> new HashSet<>()).add(e);
        e.onTermination(() -> unfollow(subscriberId, e));
    }

    private synchronized void unfollow(UUID subscriberId, MultiEmitter<? super String> e) {
        Set<MultiEmitter<? super String>> followers = streams.get(subscriberId);
        if (followers != null && followers.remove(e) && followers.isEmpty()) {
            streams.remove(subscriberId);
        }
    }

    private synchronized void endAll() {
        List<MultiEmitter<? super String>> all = streams.values().stream().flatMap(Set::stream).toList();
        all.forEach(MultiEmitter::complete);
        streams.clear();
    }

    /** Open streams end at shutdown, so their clients reconnect to another instance. */
    void onStop(@Observes ShutdownEvent e) {
        synchronized (this) {
            stopping = true;
        }
        endAll();
    }
}
