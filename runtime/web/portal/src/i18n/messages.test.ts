import { describe, expect, it } from 'vitest';
import { el } from './el';
import { en } from './en';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the portal texts', () => {
  it('should have the same keys in Greek and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(el).sort());
  });

  it('should use the same placeholders in both languages, and leave none empty', () => {
    for (const [key, greek] of Object.entries(el)) {
      const english = en[key as keyof typeof el];
      expect(placeholders(english), key).toEqual(placeholders(greek));
      expect(greek.trim(), key).not.toBe('');
      expect(english.trim(), key).not.toBe('');
    }
  });

  it('should name every category and channel an e-service may have', () => {
    for (const category of ['certificates', 'permits', 'requests', 'payments', 'social'])
      expect(el).toHaveProperty([`category.${category}`]);
    for (const channel of ['portal', 'kep', 'mykeplive', 'gov-gr', 'counter'])
      expect(el).toHaveProperty([`channel.${channel}`]);
  });
});
