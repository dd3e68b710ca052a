package io.nanopulse.alerts.domain;

import io.nanopulse.contracts.SubjectKind;
import io.nanopulse.contracts.api.Metric;
import io.nanopulse.contracts.api.SubjectKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The links notifications and answers carry are the gateway's public paths (GET /api/v1/figures, ...). */
class PublicLinksTest {
    private static final String BASE = "https://nanopulse.example.org/api/v1";
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private static AlertNotification notification(SubjectKey subject, String window) {
        var definition = new RuleDefinition("Shanghai above 5%", subject, Metric.SHARE, window,
                new Thresholds(Condition.ABOVE, 0.05, null, Duration.ZERO, null), Map.of());
        AlertRule rule = AlertRule.create("team", UUID.randomUUID(), definition, NOW);
        var t = new AlertTransition(UUID.randomUUID(), rule.id(), rule.subscriberId(), 1, TransitionKind.FIRING,
                AlertState.OK, AlertState.FIRING, 0.06, 0.05, null, NOW);
        return AlertNotification.of(rule, t, BASE + "/");
    }

    @Test
    void aNotificationLinksToTheRuleItsStateAndThePublicFigures() {
        AlertNotification n = notification(SubjectKey.city("CN", "Shanghai & Co"), "P12M");
        UUID rule = n.data().rule().id();
        assertEquals(Map.of(
                "rule", BASE + "/rules/" + rule,
                "state", BASE + "/rules/" + rule + "/state",
                "figures", BASE + "/figures?kind=CITY&key=CN%2Fshanghai+%26+co&window=P12M"), n.data().links());
    }

    @Test
    void aGlobalSubjectHasNoKeyInItsFiguresLink() {
        assertEquals(BASE + "/figures?kind=GLOBAL&window=2020-01-01..2020-12-31",
                notification(SubjectKey.GLOBAL, "2020-01-01..2020-12-31").data().links().get("figures"));
        assertEquals(BASE + "/figures?kind=INSTITUTION&key=cas&window=ALL",
                new PublicLinks(BASE).figures(SubjectKind.INSTITUTION.name(), "cas", "ALL"));
    }

    @Test
    void aSubscribersStreamIsUnderThePublicApiRoot() {
        UUID id = UUID.fromString("0b9d5f1e-8f5a-4d7e-9a57-3f0b7a2c9e11");
        assertEquals(BASE + "/subscribers/0b9d5f1e-8f5a-4d7e-9a57-3f0b7a2c9e11/stream", new PublicLinks(BASE).stream(id));
    }

    @Test
    void aPublicUrlWithATrailingSlashGivesNoDoubledSlash() {
        assertEquals("https://nanopulse.example.org/api/v1/subscribers/0b9d5f1e-8f5a-4d7e-9a57-3f0b7a2c9e11/stream",
                new PublicLinks("https://nanopulse.example.org//api/v1/")
                        .stream(java.util.UUID.fromString("0b9d5f1e-8f5a-4d7e-9a57-3f0b7a2c9e11")));
    }
}
