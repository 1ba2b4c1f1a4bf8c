/**
 * Whether a string is a Greek phone number: 10 digits, optionally after +30, either a fixed line (2…) or a mobile
 * number (685–689, 690–691, 693–695, 697–699).
 */
export function isValidGreekPhone(value: string): boolean {
  return /^(?:\+30)?(?:2[0-9]{9}|6(?:8[5-9]|9[013-57-9])[0-9]{7})$/.test(value);
}
