import { describe, expect, it } from 'vitest';
import { POLIS_FIELD_TYPES } from './polisChecks';

describe('the browser’s checks of Polis identifiers', () => {
  it('should accept what a person types when, tidied, it passes the server’s check, and refuse the rest', () => {
    // given each Polis field type, and what people type into it
    const byType = new Map(POLIS_FIELD_TYPES.map((f) => [f.type, f]));
    const check = (type: string, typed: string) => {
      const field = byType.get(type)!;
      return field.isValid(field.normalise(typed));
    };
    // then the checks run on the tidied value
    expect(check('polis-afm', '094 259 216')).toBe(true);
    expect(check('polis-afm', '123456789')).toBe(false);
    expect(check('polis-amka', '01013099997')).toBe(true);
    expect(check('polis-amka', '01013099998')).toBe(false);
    expect(check('polis-iban', 'gr16 0110 1250 0000 0001 2300 695')).toBe(true);
    expect(check('polis-phone', '691 234 5678')).toBe(true);
    expect(check('polis-phone', '591 234 5678')).toBe(false);
    expect(check('polis-postal-code', '151 24')).toBe(true);
  });

  it('should tidy what a person types into what the server checks', () => {
    const byType = new Map(POLIS_FIELD_TYPES.map((f) => [f.type, f]));
    expect(byType.get('polis-phone')!.normalise('210 612-3456')).toBe('2106123456');
    expect(byType.get('polis-iban')!.normalise('gr16 0110 1250')).toBe('GR1601101250');
    expect(byType.get('polis-afm')!.normalise('094 014 201')).toBe('094014201');
  });
});
