import { describe, expect, it } from 'vitest';
import { isValidAmka } from './isValidAmka.js';
import { isValidGreekIban } from './isValidGreekIban.js';
import { isValidGreekPhone } from './isValidGreekPhone.js';
import { isValidPostalCode } from './isValidPostalCode.js';

describe('the Greek identifier checks of Polis fields', () => {
  it('should accept a valid ΑΜΚΑ and refuse a wrong check digit or birth date', () => {
    expect(isValidAmka('01013099997')).toBe(true);
    expect(isValidAmka('01013099998')).toBe(false);
    expect(isValidAmka('0101309999')).toBe(false);
    // 31 April cannot be a birth date, whatever the checksum
    expect(isValidAmka('31043099998')).toBe(false);
  });

  it('should accept a valid Greek IBAN and refuse a wrong check, length, country or spaces', () => {
    expect(isValidGreekIban('GR1601101250000000012300695')).toBe(true);
    expect(isValidGreekIban('GR1601101250000000012300696')).toBe(false);
    expect(isValidGreekIban('GR160110125000000001230069')).toBe(false);
    expect(isValidGreekIban('DE89370400440532013000')).toBe(false);
    expect(isValidGreekIban('GR16 0110 1250 0000 0001 2300 695')).toBe(false);
  });

  it('should accept Greek fixed and mobile numbers and refuse others', () => {
    expect(['2106100000', '6912345678', '+306971234567', '6851234567'].map(isValidGreekPhone)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['6921234567', '210610000', '5106100000', '00302106100000'].map(isValidGreekPhone)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('should accept postal codes with or without the space and refuse others', () => {
    expect(['15124', '151 24', '10431', '85100'].map(isValidPostalCode)).toEqual([true, true, true, true]);
    expect(['1512', '95124', '09999', '151-24'].map(isValidPostalCode)).toEqual([false, false, false, false]);
  });
});
