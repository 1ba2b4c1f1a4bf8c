import { describe, expect, it } from 'vitest';
import { mapCitizenClaims } from './mapCitizenClaims.js';

describe('mapCitizenClaims', () => {
  it('should map TaxisNet attributes to a citizen, trimming the padding', () => {
    // given TaxisNet userinfo attributes as sent
    const claims = {
      userid: 'User094259216   ',
      taxid: '094259216   ',
      lastname: ' ΠΑΠΑΔΟΠΟΥΛΟΣ  ΓΕΩΡΓΙΟΥ ',
      firstname: 'ΝΙΚΟΛΑΟΣ',
      fathername: 'ΓΕΩΡΓΙΟΣ',
      mothername: 'ΜΑΡΙΑ',
      birthyear: '1970',
    };
    // when they are mapped
    const result = mapCitizenClaims('taxisnet', claims);
    // then only the tax id and the names are kept
    expect(result).toEqual({
      ok: true,
      value: { taxId: '094259216', givenName: 'ΝΙΚΟΛΑΟΣ', familyName: 'ΠΑΠΑΔΟΠΟΥΛΟΣ ΓΕΩΡΓΙΟΥ', fatherName: 'ΓΕΩΡΓΙΟΣ' },
    });
  });

  it('should map OpenID Connect claims and pad a legacy 8-digit ΑΦΜ', () => {
    // given an ID token's claims with an 8-digit tax id and no father's name
    const claims = { sub: 'x', tax_id: '94259216', given_name: 'Νίκος', family_name: 'Παπαδόπουλος' };
    // when they are mapped
    const result = mapCitizenClaims('oidc', claims);
    // then the ΑΦΜ gets its leading zero
    expect(result).toEqual({
      ok: true,
      value: { taxId: '094259216', givenName: 'Νίκος', familyName: 'Παπαδόπουλος' },
    });
  });

  it.each([
    [{ firstname: 'Α', lastname: 'Β' }, 'claims_missing', 'the issuer sent no taxid'],
    [
      { taxid: '094259217', firstname: 'Α', lastname: 'Β' },
      'tax_id_invalid',
      'the taxid is not a valid ΑΦΜ (checksum)',
    ],
    [{ taxid: '000000000', firstname: 'Α', lastname: 'Β' }, 'tax_id_invalid', expect.any(String)],
    [{ taxid: 'EL094259216', firstname: 'Α', lastname: 'Β' }, 'tax_id_invalid', expect.any(String)],
    [{ taxid: '094259216', lastname: 'Β' }, 'claims_missing', 'the issuer sent no firstname or lastname'],
  ])('should refuse %j without naming its values', (claims, id, reason) => {
    // given claims that are incomplete or carry an invalid ΑΦΜ
    // when they are mapped
    const result = mapCitizenClaims('taxisnet', claims);
    // then the refusal names the problem, not the value
    expect(result).toEqual({ ok: false, id, reason });
    expect(JSON.stringify(result)).not.toMatch(/\d{8}/);
  });
});
