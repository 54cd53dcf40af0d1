/**
 * Where an imported meeting came from: the id it was first made under, on whichever computer.
 * An import gives every row a new id, so this is how the same meeting brought in again is
 * recognised (and the organizer asked before a second copy is made). Null for meetings made here.
 */
export const sql = `
ALTER TABLE meetings ADD COLUMN origin_id TEXT;
CREATE INDEX meetings_by_origin ON meetings (origin_id);
`;
