package io.nanopulse.metrics.application;

/**
 * Port: pauses and resumes this instance's consumption of patent-events. While paused the batch being applied
 * completes and the next ones wait in Kafka (the consumer stays in its group), so nothing is lost.
 */
public interface ConsumptionSwitch {
    /** The consumed channel's name. */
    String channel();

    void pause();

    void resume();

    boolean isPaused();
}
