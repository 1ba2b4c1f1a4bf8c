import { refuse, type CitizenResult } from './CitizenIssuer.js';

const NAME = '[A-Za-z_][A-Za-z0-9_.-]*';
const ATTRIBUTE = new RegExp(`\\s+(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, 'y');
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Replaces XML's predefined and numeric entities; undefined on any other `&`. */
function decodeEntities(raw: string): string | undefined {
  let broken = false;
  const text = raw.replace(/&(#x[0-9A-Fa-f]{1,6}|#[0-9]{1,7}|[A-Za-z]+);|&/g, (all, entity: string | undefined) => {
    if (entity === undefined) return ((broken = true), all);
    if (entity.startsWith('#')) {
      const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return ((broken = true), all);
      return String.fromCodePoint(code);
    }
    return PREDEFINED[entity] ?? ((broken = true), all);
  });
  return broken ? undefined : text;
}

/**
 * The attributes of the one `<userinfo …/>` element of a TaxisNet userinfo answer
 * (`<root><userinfo userid="…" taxid="…" lastname="…" …/></root>`), entities decoded, values as sent.
 * Strict on that element: a second one, a duplicate or malformed attribute or an unknown entity is a refusal.
 */
export function parseTaxisNetUserInfo(xml: string): CitizenResult<Readonly<Record<string, string>>> {
  const starts = [...xml.matchAll(/<userinfo(?=[\s/>])/g)];
  if (starts.length !== 1) {
    return refuse('userinfo_invalid', `expected one <userinfo> element, found ${starts.length}`);
  }
  const attributes = Object.create(null) as Record<string, string>;
  ATTRIBUTE.lastIndex = starts[0]!.index + '<userinfo'.length;
  let at = ATTRIBUTE.lastIndex;
  for (let match = ATTRIBUTE.exec(xml); match; match = ATTRIBUTE.exec(xml)) {
    const [, name, double, single] = match as unknown as [string, string, string | undefined, string | undefined];
    if (Object.hasOwn(attributes, name)) return refuse('userinfo_invalid', `attribute ${name} appears twice`);
    const value = decodeEntities(double ?? single ?? '');
    if (value === undefined) return refuse('userinfo_invalid', `attribute ${name} has an unknown entity`);
    attributes[name] = value;
    at = ATTRIBUTE.lastIndex;
  }
  if (!/^\s*\/?>/.test(xml.slice(at))) return refuse('userinfo_invalid', 'the <userinfo> element is malformed');
  return { ok: true, value: attributes };
}
