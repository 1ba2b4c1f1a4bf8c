import { fail, type OrgResult } from '../../orgchart/OrgResult.js';
import { PEOPLE_COLUMNS } from '../../orgchart/orgChartCsv.js';
import { CsvSyntaxError, parseCsv } from '../../orgchart/parseCsv.js';

/**
 * Splits one uploaded CSV into units.csv and people.csv at the people header row (first cell `username`). The
 * people part keeps its place by blank lines in front, which the parser skips but counts, so that errors name
 * the line of the uploaded file. Fails on malformed CSV or a missing people header.
 */
export function splitOrgChartCsv(text: string): OrgResult<{ units: string; people: string }> {
  let start: number | undefined;
  try {
    start = parseCsv(text).find((record) => record.cells[0]?.trim() === PEOPLE_COLUMNS[0])?.line;
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return fail('org_chart_invalid', `csv:${error.line}`, `The CSV is malformed at ${error.message}`);
  }
  if (start === undefined)
    return fail(
      'org_chart_invalid',
      'csv',
      `The CSV has no people section: after the units, add a row with the headers ${PEOPLE_COLUMNS.join(',')}.`,
    );
  const lines = text.split(/\r\n|\n|\r/);
  return {
    ok: true,
    value: {
      units: lines.slice(0, start - 1).join('\n'),
      people: '\n'.repeat(start - 1) + lines.slice(start - 1).join('\n'),
    },
  };
}
