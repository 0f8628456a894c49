-- up
-- Only a case being handed over has a pending transfer: index those rows alone, so every other
-- insert and update skips the index (a B-tree keeps NULLs). `pending_transfer_to = $1`, the only
-- lookup, implies NOT NULL, so the planner uses the partial index as before.
DROP INDEX child_pending_transfer_idx;
CREATE INDEX child_pending_transfer_idx ON child (pending_transfer_to) WHERE pending_transfer_to IS NOT NULL;

-- down
DROP INDEX child_pending_transfer_idx;
CREATE INDEX child_pending_transfer_idx ON child (pending_transfer_to);
