// Text that Tierwise itself writes into a CSV from input (a customer id, a name) must not become a
// live formula when the file is opened in a spreadsheet. OWASP "CSV Injection"
// (https://owasp.org/www-community/attacks/CSV_Injection): prefix a cell that starts with
// = + - @, a tab or a carriage return with a single quote. The user's own copied cells are left
// byte for byte: they are the user's data, and changing them would break the round trip.

const RISKY = new Set([0x3d /* = */, 0x2b /* + */, 0x2d /* - */, 0x40 /* @ */, 0x09 /* tab */, 0x0d /* CR */]);

export function neutraliseFormula(text: string): string {
  return text.length > 0 && RISKY.has(text.charCodeAt(0)) ? `'${text}` : text;
}
