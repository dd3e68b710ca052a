-- Retractions. Each deal of a patent is kept with its eventId (deals: [{"id", "date"}], in the order applied), so one
-- deal can be taken back; first_deal_date stays the first standing deal's date, which figures read. retracted_deals
-- holds the eventIds of deals taken back (such a deal never counts again); retracted_by the eventId of the
-- PATENT_RETRACTED event that made the row a tombstone (no filing, grant or deal: later events are ignored).
-- Rows written before keep deals NULL and read as one deal known only by first_deal_date.
ALTER TABLE patent ADD COLUMN deals jsonb, ADD COLUMN retracted_deals jsonb, ADD COLUMN retracted_by varchar(128);
-- Tombstones have no filing either, but are not parked.
DROP INDEX patent_parked_idx;
CREATE INDEX patent_parked_idx ON patent (patent_id) WHERE filing_date IS NULL AND retracted_by IS NULL;
