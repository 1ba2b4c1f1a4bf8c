import type { Knex } from 'knex';
import { formatProtocolNumber } from './formatProtocolNumber.js';

/** A protocol number given to one registration. */
export interface ProtocolNumber {
  readonly year: number;
  readonly sequence: number;
  /** As written on the receipt, e.g. `ΕΙΣ-2026/004512`. */
  readonly text: string;
}

/** A year's counter, locked by a transaction that hands out its numbers one registration at a time. */
export interface ProtocolCounter {
  readonly year: number;
  /** The number the next registration gets; it stays the next until {@link ProtocolCounter.take} is called. */
  peek(): ProtocolNumber;
  /** Gives the peeked number away for good (its registration's writes succeeded). */
  take(): void;
  /** Writes the last number taken back to the row; call once, after the last take, before the commit. */
  save(): Promise<void>;
}

/**
 * Locks the year's counter row (creating it at 0 for a new year) until the caller's transaction ends. Numbers
 * are computed in memory and only advanced when a registration's writes succeed, so one that fails leaves no
 * gap; several transactions (one per runtime process) serialize on the row, so numbers follow commit order.
 */
export async function lockProtocolCounter(trx: Knex.Transaction, year: number): Promise<ProtocolCounter> {
  // `do update` to itself takes the row lock and returns the value in one round trip, for a new year too.
  const result = (await trx.raw(
    `insert into protocol_counter (year, last_sequence) values (?, 0)
     on conflict (year) do update set last_sequence = protocol_counter.last_sequence
     returning last_sequence`,
    [year],
  )) as { rows: { last_sequence: number }[] };
  const locked = Number(result.rows[0]!.last_sequence);
  let last = locked;
  return {
    year,
    peek: () => ({ year, sequence: last + 1, text: formatProtocolNumber(year, last + 1) }),
    take() {
      last++;
    },
    async save() {
      if (last !== locked) await trx('protocol_counter').where({ year }).update({ last_sequence: last });
      // A row made for a year in which nothing was registered: leave the table as it was.
      else if (locked === 0) await trx('protocol_counter').where({ year, last_sequence: 0 }).delete();
    },
  };
}
