package io.nanopulse.gateway.domain;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** How far a consumer group is behind the end of the topics it reads, in records, in total and per topic. */
public record GroupLag(String group, long lag, Map<String, Long> lagByTopic) {

    /** Where a group stands on one partition: its committed offset and the partition's end offset. */
    public record Position(String topic, long committed, long end) {
        /** Records not yet consumed; never negative (an end read before a later commit). */
        public long lag() {
            return Math.max(0, end - committed);
        }
    }

    public static GroupLag of(String group, Collection<Position> positions) {
        Map<String, Long> byTopic = new TreeMap<>();
        long total = 0;
        for (Position p : positions) {
            byTopic.merge(p.topic(), p.lag(), Long::sum);
            total += p.lag();
        }
        return new GroupLag(group, total, byTopic);
    }
}
