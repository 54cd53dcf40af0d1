/** 纪要标志: the red mark a meeting's minutes may carry above the title (GB/T 9704-2012 §10.3). */
export const sql = `
ALTER TABLE meetings ADD COLUMN minutes_mark TEXT NOT NULL DEFAULT '';
`;
