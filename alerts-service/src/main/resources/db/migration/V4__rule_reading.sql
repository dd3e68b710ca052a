-- The counts a rule's last evaluation read (the subject's, and the earlier window's or the other subject's),
-- as JSON: the next notification explains what moved between two readings. Written under the rule_state lock.
CREATE TABLE rule_reading (
    rule_id      uuid PRIMARY KEY REFERENCES alert_rule (id) ON DELETE CASCADE,
    revision     integer      NOT NULL,
    observed_at  timestamptz  NOT NULL,
    as_of        date,
    subject      text         NOT NULL,
    other        text
);
