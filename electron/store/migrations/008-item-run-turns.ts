/**
 * An item run again after it finished keeps one record across its turns (the first start, the
 * time of every turn added up), so the record counts its turns. A record written before this
 * was one turn, or none when the item was skipped.
 */
export const sql = `
ALTER TABLE item_runs ADD COLUMN turns INTEGER NOT NULL DEFAULT 1 CHECK (turns >= 0);
UPDATE item_runs SET turns = 0 WHERE status = 'skipped';
`;
