/** A parsed cron expression in Spring's six-field form: second minute hour day-of-month month day-of-week. */
export interface CronExpression {
  /** The first matching instant strictly after `epochMs` (UTC), or undefined if there is none within 5 years. */
  next(epochMs: number): number | undefined;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

function parseField(text: string, min: number, max: number, names?: string[], nameBase = 0): Set<number> | string {
  const values = new Set<number>();
  const value = (token: string): number => {
    const index = names?.indexOf(token.toUpperCase()) ?? -1;
    return index >= 0 ? index + nameBase : Number(token);
  };
  for (const part of text.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) return `invalid step '${stepText}'`;
    let from: number;
    let to: number;
    if (range === '*' || range === '?') {
      from = min;
      to = max;
    } else if (range.includes('-')) {
      const [a = '', b = ''] = range.split('-');
      from = value(a);
      to = value(b);
    } else {
      from = value(range);
      to = stepText === undefined ? from : max;
    }
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < min || to > max || from > to) {
      return `'${part}' is outside ${min}-${max}`;
    }
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

/** Parses a six-field cron expression (or a five-field one, with seconds at 0); a string explains a failure. */
export function parseCron(text: string): CronExpression | string {
  const fields = text.trim().split(/\s+/);
  if (fields.length === 5) fields.unshift('0');
  if (fields.length !== 6)
    return `a cron expression has 6 fields (second minute hour day month weekday), got ${fields.length}`;
  const [sec = '', min = '', hour = '', dom = '', mon = '', dow = ''] = fields;
  const parsed = [
    parseField(sec, 0, 59),
    parseField(min, 0, 59),
    parseField(hour, 0, 23),
    parseField(dom, 1, 31),
    parseField(mon, 1, 12, MONTHS, 1),
    parseField(dow.replace(/\b7\b/g, '0'), 0, 6, DAYS),
  ];
  const names = ['second', 'minute', 'hour', 'day of month', 'month', 'day of week'];
  for (let i = 0; i < parsed.length; i++) {
    const field = parsed[i];
    if (typeof field === 'string') return `the ${names[i]} field: ${field}`;
  }
  const [seconds, minutes, hours, days, months, weekdays] = parsed as Set<number>[] as [
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
  ];
  const anyDay = dom === '*' || dom === '?';
  const anyWeekday = dow === '*' || dow === '?';
  const dayMatches = (d: Date) => {
    const byMonthDay = days.has(d.getUTCDate());
    const byWeekday = weekdays.has(d.getUTCDay());
    if (anyDay) return byWeekday;
    if (anyWeekday) return byMonthDay;
    return byMonthDay || byWeekday;
  };
  return {
    next(epochMs) {
      const t = new Date(Math.floor(epochMs / 1000) * 1000 + 1000);
      const limit = epochMs + 5 * 366 * 24 * 3600 * 1000;
      while (t.getTime() <= limit) {
        if (!months.has(t.getUTCMonth() + 1)) {
          t.setUTCMonth(t.getUTCMonth() + 1, 1);
          t.setUTCHours(0, 0, 0);
          continue;
        }
        if (!dayMatches(t)) {
          t.setUTCDate(t.getUTCDate() + 1);
          t.setUTCHours(0, 0, 0);
          continue;
        }
        if (!hours.has(t.getUTCHours())) {
          t.setUTCHours(t.getUTCHours() + 1, 0, 0);
          continue;
        }
        if (!minutes.has(t.getUTCMinutes())) {
          t.setUTCMinutes(t.getUTCMinutes() + 1, 0);
          continue;
        }
        if (!seconds.has(t.getUTCSeconds())) {
          t.setUTCSeconds(t.getUTCSeconds() + 1);
          continue;
        }
        return t.getTime();
      }
      return undefined;
    },
  };
}
