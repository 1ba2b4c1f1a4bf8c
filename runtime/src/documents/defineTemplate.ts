import type { BilingualText, DocumentBody } from './DocumentContent.js';
import type { DocumentFacts } from './DocumentFacts.js';
import type { DocumentKind, DocumentTemplate, TemplateError } from './DocumentTemplate.js';

/** Reads the variables a template needs: the process's value, else the submitted one. */
export interface VariableReader {
  /** A non-empty text (a number is written out). @throws (caught by defineTemplate) when it is missing. */
  text(name: string): string;
  /** A finite number, or a numeric text. @throws (caught by defineTemplate) when it is missing or not a number. */
  number(name: string): number;
  /** The text if present and non-empty; undefined otherwise. */
  optional(name: string): string | undefined;
}

class VariableProblem extends Error {
  constructor(readonly problem: TemplateError) {
    super(problem.message);
  }
}

function readerOf(facts: DocumentFacts): VariableReader {
  const raw = (name: string): unknown => facts.variables[name] ?? facts.application.data[name];
  const optional = (name: string) => {
    const value = raw(name);
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  return {
    optional,
    text(name) {
      const value = optional(name);
      if (value === undefined)
        throw new VariableProblem({
          variable: name,
          message: `the variable ${name} is missing or empty (got ${JSON.stringify(raw(name)) ?? 'nothing'})`,
        });
      return value;
    },
    number(name) {
      const value = raw(name);
      const parsed = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
      if (!Number.isFinite(parsed) || value === '')
        throw new VariableProblem({
          variable: name,
          message: `the variable ${name} must be a number (got ${JSON.stringify(value) ?? 'nothing'})`,
        });
      return parsed;
    },
  };
}

/**
 * Declares a template whose body reads its variables through a reader: the first missing or malformed one
 * becomes the template's error value, naming the variable.
 */
export function defineTemplate(definition: {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly title: BilingualText;
  body(read: VariableReader, facts: DocumentFacts): Omit<DocumentBody, 'title'>;
}): DocumentTemplate {
  return {
    id: definition.id,
    kind: definition.kind,
    title: definition.title,
    build(facts) {
      try {
        return { ok: true, value: { title: definition.title, ...definition.body(readerOf(facts), facts) } };
      } catch (error) {
        if (error instanceof VariableProblem) return { ok: false, error: error.problem };
        throw error;
      }
    },
  };
}
