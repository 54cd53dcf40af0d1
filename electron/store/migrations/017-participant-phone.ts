/**
 * A participant's 联系电话 (issue 16): the notice's reply table prints it and a returned 回执
 * fills it in. Empty for everyone listed before.
 */
export const sql = `
ALTER TABLE participants ADD COLUMN phone TEXT NOT NULL DEFAULT '';
`;
