package io.nanopulse.alerts.application;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotificationHubTest {
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Test
    void eachStreamGetsItsSubscribersNotificationsOnceInOrder() {
        NotificationHub hub = new NotificationHub(16);
        hub.listening(true);
        AssertSubscriber<String> a1 = hub.stream(alice).subscribe().withSubscriber(AssertSubscriber.create(100));
        AssertSubscriber<String> a2 = hub.stream(alice).subscribe().withSubscriber(AssertSubscriber.create(100));
        AssertSubscriber<String> b = hub.stream(bob).subscribe().withSubscriber(AssertSubscriber.create(100));
        hub.publish(alice, "1");
        hub.publish(bob, "x");
        hub.publish(alice, "2");
        assertEquals(List.of("1", "2"), a1.getItems());
        assertEquals(List.of("1", "2"), a2.getItems());
        assertEquals(List.of("x"), b.getItems());
    }

    @Test
    void followsOnlyWhileAStreamIsOpen() {
        NotificationHub hub = new NotificationHub(16);
        hub.listening(true);
        assertFalse(hub.follows(alice));
        AssertSubscriber<String> s = hub.stream(alice).subscribe().withSubscriber(AssertSubscriber.create(1));
        assertTrue(hub.follows(alice));
        s.cancel();
        assertFalse(hub.follows(alice), "nothing is loaded for a subscriber no one follows");
    }

    @Test
    void aClientFurtherBehindThanTheBufferLosesItsStreamNotOthers() {
        NotificationHub hub = new NotificationHub(2);
        hub.listening(true);
        AssertSubscriber<String> stuck = hub.stream(alice).subscribe().withSubscriber(AssertSubscriber.create(0));
        AssertSubscriber<String> reading = hub.stream(alice).subscribe().withSubscriber(AssertSubscriber.create(100));
        for (int i = 0; i < 3; i++) {
            hub.publish(alice, "n" + i);
        }
        stuck.assertFailedWith(io.smallrye.mutiny.subscription.BackPressureFailure.class);
        assertEquals(List.of("n0", "n1", "n2"), reading.getItems());
        hub.publish(alice, "n3");
        assertEquals(4, reading.getItems().size());
    }

    @Test
    void losingTheListenerEndsOpenStreams() {
        NotificationHub hub = new NotificationHub(16);
        hub.listening(true);
        AssertSubscriber<String> s = hub.stream(alice).subscribe().withSubscriber(AssertSubscriber.create(10));
        hub.listening(false);
        s.assertCompleted();
        assertFalse(hub.follows(alice));
        assertFalse(hub.listening());
    }

    @Test
    void noStreamOpensWhileTheListenerIsDown() {
        NotificationHub hub = new NotificationHub(16);
        // not listening yet (or reconnecting): a stream opened now would miss what commits meanwhile
        org.junit.jupiter.api.Assertions.assertThrows(NotificationHub.NotListening.class, () -> hub.stream(alice));
        hub.listening(true);
        var m = hub.stream(alice);
        hub.listening(false); // lost between stream() and the subscription: the stream ends at once
        m.subscribe().withSubscriber(AssertSubscriber.<String>create(10)).assertCompleted();
        assertFalse(hub.follows(alice));
        hub.listening(true);
        AssertSubscriber<String> s = hub.stream(alice).subscribe().withSubscriber(AssertSubscriber.create(10));
        hub.publish(alice, "1");
        assertEquals(List.of("1"), s.getItems());
    }
}
