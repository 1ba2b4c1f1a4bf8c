import type { Knex } from 'knex';
import { systemActor } from './Actor.js';
import demoOrgChart from './demo/demoOrgChart.json' with { type: 'json' };
import { importOrgChart, type ImportCounts } from './importOrgChart.js';

/**
 * Loads the demo org chart of Δήμος Αμαρουσίου when the org chart is empty, so a fresh install has units and
 * people to try; returns what it loaded, or undefined when units already exist.
 * @throws Error when the demo document itself is invalid (a bug in the shipped file).
 */
export async function loadDemoOrgChart(knex: Knex): Promise<ImportCounts | undefined> {
  const [{ count }] = (await knex('org_unit').count({ count: '*' })) as [{ count: string | number }];
  if (Number(count) > 0) return undefined;
  const result = await importOrgChart(knex, systemActor, demoOrgChart);
  if (!result.ok)
    throw new Error(`Expected the demo org chart to import, but ${result.error.field}: ${result.error.message}`);
  return result.value;
}
