/**
 * Whether a string is a valid Greek tax number (ΑΦΜ): 9 digits, not all zero, whose last digit is
 * (Σ d_i·2^(9−i) mod 11) mod 10 over the first eight.
 */
export function isValidTaxId(value: string): boolean {
  if (!/^[0-9]{9}$/.test(value) || value === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(value[i]) * 2 ** (8 - i);
  return (sum % 11) % 10 === Number(value[8]);
}
