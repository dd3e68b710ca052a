package io.nanopulse.metrics.application;

import java.util.List;

/** Port: sends metric changes to the metric-changes topic. */
public interface ChangeSender {
    /** Sends the changes and returns once the broker confirmed every one; throws if it did not. */
    void send(List<MetricChangeOutbox.Pending> changes) throws Exception;
}
