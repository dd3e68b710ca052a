-- The trace a batch belongs to (W3C traceparent), carried on the metric-changes record it causes, so one
-- trace runs from the ingest request to the webhook.
ALTER TABLE metric_change_outbox ADD COLUMN traceparent varchar(64);
