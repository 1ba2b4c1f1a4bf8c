import { describe, expect, it } from 'vitest';
import { parseTaxisNetUserInfo } from './parseTaxisNetUserInfo.js';

describe('parseTaxisNetUserInfo', () => {
  it('should read the attributes of the userinfo element, decoding entities', () => {
    // given a TaxisNet answer with padded values, an XML declaration and entities
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<root><userinfo userid="User094259216   " taxid="094259216   " ' +
      'lastname="ΠΑΠΑΔΟΠΟΥΛΟΣ &amp; ΣΙΑ" firstname=\'ΝΙΚΟΛΑΟΣ\' fathername="&#913;&#x3A0;" mothername="" birthyear="1970"/></root>';

    // when it is parsed
    const result = parseTaxisNetUserInfo(xml);

    // then every attribute is there, values as sent, entities decoded
    expect(result).toEqual({
      ok: true,
      value: {
        userid: 'User094259216   ',
        taxid: '094259216   ',
        lastname: 'ΠΑΠΑΔΟΠΟΥΛΟΣ & ΣΙΑ',
        firstname: 'ΝΙΚΟΛΑΟΣ',
        fathername: 'ΑΠ',
        mothername: '',
        birthyear: '1970',
      },
    });
  });

  it('should accept an element with a closing tag', () => {
    // given / when
    const result = parseTaxisNetUserInfo('<root><userinfo taxid="094259216"></userinfo></root>');
    // then
    expect(result).toEqual({ ok: true, value: { taxid: '094259216' } });
  });

  it.each([
    ['no element', '<root><error code="401"/></root>', 'expected one <userinfo> element, found 0'],
    ['two elements', '<root><userinfo taxid="1"/><userinfo taxid="2"/></root>', 'found 2'],
    ['a duplicate attribute', '<root><userinfo taxid="094259216" taxid="111111114"/></root>', 'appears twice'],
    ['an unknown entity', '<root><userinfo lastname="A&nbsp;B"/></root>', 'unknown entity'],
    ['a bare ampersand', '<root><userinfo lastname="A & B"/></root>', 'unknown entity'],
    ['an unquoted value', '<root><userinfo taxid=094259216/></root>', 'malformed'],
    ['an unterminated element', '<root><userinfo taxid="094259216"', 'malformed'],
  ])('should refuse %s', (_case, xml, reason) => {
    // given a malformed answer
    // when it is parsed
    const result = parseTaxisNetUserInfo(xml);
    // then it is a refusal naming the problem
    expect(result).toMatchObject({ ok: false, id: 'userinfo_invalid', reason: expect.stringContaining(reason) });
  });

  it('should not let an attribute named __proto__ change the result object', () => {
    // given an attribute that would pollute a plain object
    // when it is parsed
    const result = parseTaxisNetUserInfo('<root><userinfo __proto__="x" taxid="094259216"/></root>');
    // then it is an ordinary key
    expect(result.ok && Object.getPrototypeOf(result.value)).toBeNull();
    expect(result.ok && result.value.__proto__).toBe('x');
  });
});
