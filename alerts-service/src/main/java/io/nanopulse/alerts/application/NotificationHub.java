package io.nanopulse.alerts.application;

import io.nanopulse.alerts.domain.AlertNotification;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.UUID;

/**
 * Live fan-out of committed notifications to SSE clients. In-process: a client connected to one
 * instance sees the transitions that instance committed. With several instances, the next step is
 * PostgreSQL LISTEN/NOTIFY (or a Kafka topic) feeding this hub.
 */
@ApplicationScoped
public class NotificationHub {
    private final BroadcastProcessor<Published> broadcast = BroadcastProcessor.create();

    record Published(UUID subscriberId, AlertNotification notification) {
    }

    // synchronized: a Reactive Streams processor needs serialized onNext; commits happen on many threads.
    synchronized void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) TransitionCommitted e) {
        if (e.notification() != null) {
            broadcast.onNext(new Published(e.subscriberId(), e.notification()));
        }
    }

    public Multi<AlertNotification> stream(UUID subscriberId) {
        // A slow client gets a bounded buffer, then its stream fails rather than holding memory forever.
        return broadcast.filter(p -> p.subscriberId().equals(subscriberId)).map(Published::notification)
                .onOverflow().buffer(1024);
    }
}
