-- When the confirmation link was last sent again on request: one re-send per nanopulse.alerts.email.resend-interval.
ALTER TABLE subscriber_email ADD COLUMN confirmation_resent_at timestamptz;
