import { describe, expect, it } from 'vitest';
import { isValidTaxId } from './isValidTaxId.js';

describe('isValidTaxId', () => {
  it('should accept an ΑΦΜ whose check digit matches', () => {
    expect(isValidTaxId('094259216')).toBe(true);
  });

  it('should refuse an ΑΦΜ with a wrong check digit, the wrong length, letters or all zeros', () => {
    for (const value of ['094259217', '94259216', '0942592160', '09425921A', '000000000'])
      expect(isValidTaxId(value), value).toBe(false);
  });
});
