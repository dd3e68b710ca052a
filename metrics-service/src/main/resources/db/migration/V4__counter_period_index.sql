-- Rankings of small kinds (countries, sectors, cities) read one kind's rows for a period range. This index
-- has no counter columns, so updating a counter still changes no index (updates stay HOT).
CREATE INDEX filing_counter_period_idx ON filing_counter (kind, grain, period);
