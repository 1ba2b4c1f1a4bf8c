import { evaluate } from 'feelin';
import { describe, expect, it } from 'vitest';
import { toJson } from './feel.js';
import { fastExpression } from './fastPath.js';

const VALUES: unknown[] = [0, 1, -2.5, 1000, 1001, 'a', 'abc', '', 'B', true, false, null, undefined, [1], { x: 1 }];
const EXPRESSIONS = [
  'amount',
  'order.total',
  'amount > 1000',
  'amount >= 1000',
  'amount < -2.5',
  'amount <= 0',
  'amount = 1',
  'amount != 1',
  'status = "abc"',
  'status != ""',
  'status < "b"',
  'flag = true',
  'flag != false',
  'order.total > 1',
];

describe('the FEEL fast path', () => {
  it('should give exactly what the FEEL interpreter gives whenever it answers at all', () => {
    let answered = 0;
    for (const expression of EXPRESSIONS) {
      const fast = fastExpression(expression);
      expect(fast, expression).not.toBeNull();
      for (const value of VALUES) {
        const variables = { amount: value, status: value, flag: value, order: { total: value } };
        const result = fast!(variables);
        if (result === undefined) continue;
        answered += 1;
        expect(result, `${expression} with ${JSON.stringify(value)}`).toEqual(
          toJson(evaluate(expression, variables).value),
        );
      }
    }
    expect(answered).toBeGreaterThan(50);
  });

  it('should leave anything else to the interpreter', () => {
    for (const expression of [
      'amount + 1',
      'if a then b else c',
      'not(x)',
      'x in [1..2]',
      'true',
      'count(items) > 1',
      'a > b',
    ]) {
      expect(fastExpression(expression), expression).toBeNull();
    }
  });
});
