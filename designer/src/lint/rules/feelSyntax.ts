import { feelOf, feelSyntaxError } from '../feelExpressions.js';
import { childOf, listOf, type ModdleNode } from '../ModdleNode.js';
import { reportBoth, type PolisRuleFactory } from './PolisRule.js';

/** An expression attribute of an element: where it sits (for the message) and its text. */
interface ExpressionSource {
  readonly where: { readonly en: string; readonly el: string };
  readonly source: string;
}

const LABELS: Readonly<Record<string, { en: string; el: string }>> = {
  conditionExpression: { en: 'The condition', el: 'Η συνθήκη' },
  completionCondition: { en: 'The completion condition', el: 'Η συνθήκη ολοκλήρωσης' },
  timeDate: { en: 'The timer date', el: 'Η ημερομηνία του χρονομέτρου' },
  timeDuration: { en: 'The timer duration', el: 'Η διάρκεια του χρονομέτρου' },
  timeCycle: { en: 'The timer cycle', el: 'Ο κύκλος του χρονομέτρου' },
  inputCollection: { en: 'The input collection', el: 'Η συλλογή εισόδου' },
  outputElement: { en: 'The output element', el: 'Το στοιχείο εξόδου' },
  correlationKey: { en: 'The correlation key', el: 'Το κλειδί συσχέτισης' },
  expression: { en: 'The script expression', el: 'Η έκφραση του σεναρίου' },
  candidateGroups: { en: 'The candidate groups', el: 'Οι ομάδες υποψηφίων' },
  assignee: { en: 'The assignee', el: 'Ο ανάδοχος' },
  processId: { en: 'The called process id', el: 'Το αναγνωριστικό της καλούμενης διαδικασίας' },
  type: { en: 'The job type', el: 'Ο τύπος εργασίας' },
  retries: { en: 'The retries', el: 'Οι επαναλήψεις' },
};

// Header values and properties are passed on as they are written, never evaluated.
const LITERAL_EXTENSIONS = new Set(['zeebe:TaskHeaders', 'zeebe:Properties']);

const label = (property: string, owner: string) =>
  LABELS[property] ?? { en: `${owner} ${property}`, el: `${owner} ${property}` };

/** Every string attribute of a zeebe extension element (and of its mappings) that is written as FEEL (`=…`). */
function extensionExpressions(extension: ModdleNode): ExpressionSource[] {
  if (LITERAL_EXTENSIONS.has(extension.$type)) return [];
  const owner = extension.$type;
  const found: ExpressionSource[] = [];
  for (const [property, value] of Object.entries(extension)) {
    if (property.startsWith('$')) continue;
    if (typeof value === 'string' && feelOf(value) !== undefined)
      found.push({ where: label(property, owner), source: value });
    if (Array.isArray(value))
      for (const item of value as ModdleNode[]) {
        const source = typeof item?.source === 'string' ? item.source : undefined;
        const target = typeof item?.target === 'string' ? item.target : '?';
        if (source && feelOf(source) !== undefined)
          found.push({ where: { en: `The mapping to '${target}'`, el: `Η αντιστοίχιση προς '${target}'` }, source });
      }
  }
  return found;
}

/** Every FEEL expression of an element: conditions, timers, loops and its zeebe extension attributes. */
export function expressionsOf(node: ModdleNode): ExpressionSource[] {
  const found: ExpressionSource[] = [];
  const body = (holder: ModdleNode | undefined, property: string) => {
    const text = childOf(holder, property)?.body;
    if (typeof text === 'string' && feelOf(text) !== undefined)
      found.push({ where: label(property, ''), source: text });
  };
  body(node, 'conditionExpression');
  for (const definition of listOf(node, 'eventDefinitions'))
    for (const property of ['timeDate', 'timeDuration', 'timeCycle']) body(definition, property);
  const loop = childOf(node, 'loopCharacteristics');
  body(loop, 'completionCondition');
  for (const holder of [node, loop])
    for (const extension of listOf(childOf(holder, 'extensionElements'), 'values'))
      found.push(...extensionExpressions(extension));
  return found;
}

/** `polis/feel-syntax`: every FEEL expression of the model parses (checked with feelin's parser). */
export const feelSyntax: PolisRuleFactory = (config) => ({
  check(node, reporter) {
    for (const { where, source } of expressionsOf(node)) {
      const error = feelSyntaxError(feelOf(source) ?? '');
      if (!error) continue;
      const at = error.at + 1;
      reportBoth(reporter, config, node.id ?? '', {
        en: `${where.en} '${source}' is not valid FEEL: ${error.en} (at character ${at}).`,
        el: `${where.el} '${source}' δεν είναι έγκυρη FEEL: ${error.el} (στον χαρακτήρα ${at}).`,
      });
    }
  },
});
