-- The CloudEvent JSON a transition announced (null when silenced or not announced). Every instance's
-- stream listener loads it by id when a NOTIFY on channel alert_transition names the transition.
ALTER TABLE alert_transition ADD COLUMN notification text;
