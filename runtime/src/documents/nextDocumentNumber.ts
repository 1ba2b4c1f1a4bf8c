import type { Knex } from 'knex';

const formatted = (year: number, sequence: number) => `ΕΞ-${year}/${String(sequence).padStart(6, '0')}`;

/**
 * Takes the next outgoing protocol number of the year (ΕΞ-2026/000001) inside the caller's transaction: the
 * year's counter row stays locked until it commits, so numbers are gap-free and issued in commit order.
 */
export async function nextDocumentNumber(trx: Knex.Transaction, year: number): Promise<string> {
  const rows = (await trx.raw(
    `insert into document_counter (year, last_sequence) values (?, 1)
     on conflict (year) do update set last_sequence = document_counter.last_sequence + 1
     returning last_sequence`,
    [year],
  )) as { rows: { last_sequence: number }[] };
  return formatted(year, rows.rows[0]!.last_sequence);
}

/** The number nextDocumentNumber would take now, without taking it (another transaction may take it first). */
export async function peekDocumentNumber(knex: Knex, year: number): Promise<string> {
  const row = (await knex('document_counter').where({ year }).first('last_sequence')) as
    { last_sequence: number } | undefined;
  return formatted(year, (row?.last_sequence ?? 0) + 1);
}
