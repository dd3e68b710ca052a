package io.nanopulse.alerts.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AlertEmailTest {
    private static final PublicLinks LINKS = new PublicLinks("https://np.example.org/api/v1");

    private static String notification(String kind, String name, double value) {
        return """
                {"specversion":"1.0","id":"t1","type":"io.nanopulse.alert.firing","data":{
                  "rule":{"id":"r-1","name":"%s","metric":"share","kind":"THRESHOLD"},
                  "subject":{"kind":"COUNTRY","key":"CN"},"window":"P12M","value":%s,"threshold":0.3,
                  "transition":{"kind":"%s","from":"OK","to":"FIRING","at":"2026-12-06T10:00:00Z","seq":1},
                  "links":{"state":"https://np.example.org/api/v1/rules/r-1/state"},
                  "explanation":{"comparison":"share > 0.3","previousValue":0.25,"previousAsOf":"2026-12-05",
                    "countOf":"filings","numerator":{"before":25,"after":33},"denominator":{"before":100,"after":100},
                    "contributors":[{"kind":"COUNTRY_SECTOR","key":"CN/MATERIALS","before":10,"after":18,"change":8}]}}}
                """.formatted(name, value, kind);
    }

    @Test
    void oneNotificationMakesAnAlertWithItsExplanationAndLinks() {
        AlertEmail mail = AlertEmail.of(List.of(notification("FIRING", "CN share\\r\\nBcc: x", 0.33)), LINKS);
        assertEquals("[Nanopulse] FIRING: CN share  Bcc: x", mail.subject(), "no line break reaches a header");
        AlertEmail.Item item = mail.items().get(0);
        assertEquals("0.33", item.value());
        assertEquals("COUNTRY CN", item.subject());
        assertEquals(List.of("Rule: share > 0.3", "Previous value: 0.25 (as of 2026-12-05)", "Numerator (filings): 25 -> 33",
                "Denominator: 100 -> 100"), item.explanation());
        assertEquals(List.of("COUNTRY_SECTOR CN/MATERIALS: +8 (10 -> 18)"), item.contributors());
        assertEquals("https://np.example.org/rules?rule=r-1", item.ruleLink());
        assertEquals("https://np.example.org/rules", mail.rulesPage());
    }

    @Test
    void severalMakeADigest() {
        AlertEmail mail = AlertEmail.of(List.of(notification("FIRING", "a", 0.33), notification("RESOLVED", "a", 0.2)), LINKS);
        assertEquals("[Nanopulse] 2 alert transitions", mail.subject());
        assertEquals(List.of("FIRING", "RESOLVED"), mail.items().stream().map(AlertEmail.Item::transition).toList());
    }

    @Test
    void numbersKeepSixSignificantDigitsWithoutExponent() {
        assertEquals("150", AlertEmail.format(150));
        assertEquals("0.123457", AlertEmail.format(0.1234567));
        assertEquals("1234570", AlertEmail.format(1234567));
        assertEquals("0.00001", AlertEmail.format(0.00001));
    }

    @Test
    void pageLinksAreUnderTheGatewayRoot() {
        assertEquals("https://np.example.org/confirm-email#token=a-b_c", LINKS.confirmEmail("a-b_c"));
        assertEquals("http://h:8080/rules", new PublicLinks("http://h:8080/").rulesPage());
    }
}
