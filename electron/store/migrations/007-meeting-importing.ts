/**
 * A meeting file with 50,000 notes takes seconds to write, too long for one transaction on the
 * connection every countdown command also needs. So an import writes in many short
 * transactions, and the meeting stays marked `importing` (listed nowhere, found by no search)
 * until the last one clears the mark. A meeting still marked after a crash is a half-written
 * import: the next import deletes it.
 */
export const sql = `
ALTER TABLE meetings ADD COLUMN importing INTEGER NOT NULL DEFAULT 0;
`;
