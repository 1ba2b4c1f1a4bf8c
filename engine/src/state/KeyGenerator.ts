import type { Knex } from 'knex';

/** Zeebe-shaped keys: the partition id (1) in the high bits, a counter below. */
export const KEY_BASE = 2 ** 51;
const BLOCK = 1000; // the sequence's increment: each nextval() reserves this many keys

/** Hands out unique keys from blocks reserved in a database sequence, so engine processes never collide. */
export class KeyGenerator {
  private next = 0;
  private end = 0;

  async nextKey(trx: Knex.Transaction | Knex): Promise<number> {
    if (this.next >= this.end) {
      const result = await trx.raw("select nextval('engine_key_seq') as start");
      const start = Number((result.rows as { start: string }[])[0]!.start);
      this.next = KEY_BASE + start;
      this.end = this.next + BLOCK;
    }
    return this.next++;
  }
}
