/** Whether a string is a Greek postal code (ΤΚ): 5 digits from 10xxx to 85xxx, optionally shown as `151 24`. */
export function isValidPostalCode(value: string): boolean {
  return /^(?:1[0-9]|[2-7][0-9]|8[0-5])[0-9] ?[0-9]{2}$/.test(value);
}
