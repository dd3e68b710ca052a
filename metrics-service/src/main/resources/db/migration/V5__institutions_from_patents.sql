-- Institutions keep no monthly counters any more (a long tail: those were about one row per patent, and
-- upserting them was a third of a batch's cost); part-year figures of a holder are summed from patent rows,
-- which this index serves (index-only, with the grant and deal dates). It replaces the index on the folded
-- raw name: holders without an alias are found by institution_id, which then equals that name, and
-- re-resolving names after an alias change reads every patent anyway.
DELETE FROM filing_counter WHERE kind = 2 AND grain = 'M';
CREATE INDEX patent_institution_date_idx ON patent (institution_id, filing_date)
    INCLUDE (grant_date, first_deal_date)
    WHERE filing_date IS NOT NULL;
DROP INDEX patent_institution_key_idx;
