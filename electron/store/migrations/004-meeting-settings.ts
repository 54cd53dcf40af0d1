/** What the exported slides need from a meeting: the organizer, a theme and an optional logo. */
export const sql = `
ALTER TABLE meetings ADD COLUMN organizer TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN slide_theme TEXT NOT NULL DEFAULT 'party'
  CHECK (slide_theme IN ('party', 'neutral'));
ALTER TABLE meetings ADD COLUMN logo TEXT NOT NULL DEFAULT '';
`;
