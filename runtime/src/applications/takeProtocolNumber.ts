import type { Knex } from 'knex';
import { formatProtocolNumber } from './formatProtocolNumber.js';

/** A protocol number taken for one registration. */
export interface ProtocolNumber {
  readonly year: number;
  readonly sequence: number;
  /** As written on the receipt, e.g. `ΕΙΣ-2026/004512`. */
  readonly text: string;
}

/**
 * Takes the next protocol number of a year inside the caller's transaction. The year's counter row stays
 * locked until the transaction ends, so numbers are handed out in commit order, and a transaction that rolls
 * back gives its number back: the sequence has no gaps. Take it as late as possible in the transaction.
 */
export async function takeProtocolNumber(trx: Knex.Transaction, year: number): Promise<ProtocolNumber> {
  const result = (await trx.raw(
    `insert into protocol_counter (year, last_sequence) values (?, 1)
     on conflict (year) do update set last_sequence = protocol_counter.last_sequence + 1
     returning last_sequence`,
    [year],
  )) as { rows: { last_sequence: number }[] };
  const sequence = Number(result.rows[0]!.last_sequence);
  return { year, sequence, text: formatProtocolNumber(year, sequence) };
}
