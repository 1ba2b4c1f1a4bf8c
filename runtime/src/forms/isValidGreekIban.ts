/**
 * Whether a string is a valid Greek IBAN: `GR`, two check digits, a 3-digit bank and 4-digit branch code and a
 * 16-character account (27 characters, no spaces), whose check digits pass ISO 13616's mod-97 test.
 */
export function isValidGreekIban(value: string): boolean {
  if (!/^GR[0-9]{9}[0-9A-Z]{16}$/.test(value)) return false;
  const rearranged = value.slice(4) + value.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    // A=10 … Z=35; digits as they are. Folding piecewise keeps the number small.
    const digits = /[A-Z]/.test(character) ? String(character.charCodeAt(0) - 55) : character;
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}
