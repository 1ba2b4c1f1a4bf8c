const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether a string is a valid Greek social security number (ΑΜΚΑ): 11 digits whose first six are a birth date
 * DDMMYY (the century is ambiguous, so 29 February is allowed in any year) and which pass the Luhn check.
 */
export function isValidAmka(value: string): boolean {
  if (!/^[0-9]{11}$/.test(value)) return false;
  const day = Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return false;
  let sum = 0;
  for (let i = 0; i < 11; i++) {
    const digit = Number(value[10 - i]);
    // Luhn: every second digit from the right is doubled, its digits summed.
    const weighted = i % 2 === 1 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return sum % 10 === 0;
}
