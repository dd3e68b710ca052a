package io.nanopulse.metrics.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nanopulse.metrics.application.ConsumptionSwitch;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Pauses and resumes this instance's consumption of patent-events (SmallRye's pausable channel: while paused
 * the stream stops asking for batches, so the Kafka consumer pauses its partitions and stays in its group).
 * Exported as {@code nanopulse.metrics.consumption.paused}, so a paused instance is visible beside its lag.
 */
@ApplicationScoped
public class KafkaConsumptionSwitch implements ConsumptionSwitch {
    /** The consumed channel (mp.messaging.incoming.patent-events.pausable=true). */
    public static final String CHANNEL = "patent-events";

    @Inject
    ChannelRegistry channels;
    @Inject
    MeterRegistry registry;

    void meter(@Observes StartupEvent ignored) {
        Gauge.builder("nanopulse.metrics.consumption.paused", this, s -> s.isPaused() ? 1 : 0)
                .description("1 while an operator has paused this instance's consumption of patent-events").strongReference(true).register(registry);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void pause() {
        channel(CHANNEL).pause();
    }

    @Override
    public void resume() {
        channel(CHANNEL).resume();
    }

    @Override
    public boolean isPaused() {
        return channel(CHANNEL).isPaused();
    }

    private PausableChannel channel(String name) {
        return channels.getPausable(name);
    }
}
