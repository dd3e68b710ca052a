-- Operators' progress view counts parked patents (grant or deal seen, filing not yet); a partial index keeps
-- that count off the million filed rows (filed patents are counted from the global counters instead).
CREATE INDEX patent_parked_idx ON patent (patent_id) WHERE filing_date IS NULL;
