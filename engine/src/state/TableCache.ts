import type { Knex } from 'knex';

/** How a row maps to its table: columns for writing, and back from what the database returns. */
export interface TableMapping<Row extends { key: number }> {
  readonly table: string;
  /** Every column with its SQL type, for set-based writes. */
  readonly columns: Readonly<Record<string, 'bigint' | 'integer' | 'text' | 'json' | 'jsonb'>>;
  toColumns(row: Row): Record<string, unknown>;
  fromColumns(columns: Record<string, unknown>): Row;
}

/**
 * The rows of one table that a batch has read or changed: reads go to the database once, writes stay
 * here until {@link flush}, so a batch of commands costs a few statements rather than many.
 */
export class TableCache<Row extends { key: number }> {
  private readonly rows = new Map<number, Row | null>();
  private readonly dirty = new Set<number>();

  constructor(
    private readonly mapping: TableMapping<Row>,
    private readonly trx: Knex.Transaction,
  ) {}

  /** Reads rows (locking them when `lock` is set); cached rows, including deleted ones, are not read again. */
  async load(keys: readonly number[], lock: boolean): Promise<void> {
    const missing = [...new Set(keys)].filter((key) => !this.rows.has(key)).sort((a, b) => a - b);
    if (missing.length === 0) return;
    let query = this.trx(this.mapping.table).whereIn('key', missing).orderBy('key');
    if (lock) query = query.forUpdate();
    const found = (await query) as Record<string, unknown>[];
    for (const columns of found) {
      const row = this.mapping.fromColumns(columns);
      this.rows.set(row.key, row);
    }
    for (const key of missing) if (!this.rows.has(key)) this.rows.set(key, null);
  }

  /** Adds rows read by a query of the caller's (e.g. SKIP LOCKED selections) to the cache. */
  adopt(columns: readonly Record<string, unknown>[]): Row[] {
    return columns.map((raw) => {
      const row = this.mapping.fromColumns(raw);
      const cached = this.rows.get(row.key);
      if (cached !== undefined) return cached ?? row;
      this.rows.set(row.key, row);
      return row;
    });
  }

  async get(key: number, lock = true): Promise<Row | undefined> {
    await this.load([key], lock);
    return this.rows.get(key) ?? undefined;
  }

  /** A row already in the cache (undefined when deleted or never read). */
  peek(key: number): Row | undefined {
    return this.rows.get(key) ?? undefined;
  }

  put(row: Row): void {
    this.rows.set(row.key, row);
    this.dirty.add(row.key);
  }

  /** Marks a cached row as changed in place. */
  touch(key: number): void {
    this.dirty.add(key);
  }

  delete(key: number): void {
    this.rows.set(key, null);
    this.dirty.add(key);
  }

  /** Every cached row that matches, for lookups that must see this batch's own writes. */
  cached(filter: (row: Row) => boolean): Row[] {
    return [...this.rows.values()].filter((row): row is Row => row !== null && filter(row));
  }

  /** Whether the cache knows this key (as a row or as deleted). */
  knows(key: number): boolean {
    return this.rows.has(key);
  }

  /** Writes the changed rows: one upsert and one delete statement at most. */
  async flush(): Promise<void> {
    if (this.dirty.size === 0) return;
    const upserts: Record<string, unknown>[] = [];
    const deletes: number[] = [];
    for (const key of this.dirty) {
      const row = this.rows.get(key);
      if (row) upserts.push(this.mapping.toColumns(row));
      else deletes.push(key);
    }
    this.dirty.clear();
    if (deletes.length > 0) await this.trx(this.mapping.table).whereIn('key', deletes).delete();
    if (upserts.length > 0) await upsertRows(this.trx, this.mapping, upserts);
  }
}

/**
 * Upserts rows with one statement and one JSON parameter (json_to_recordset), which costs far less to
 * build, send and parse than thousands of placeholders.
 */
export async function upsertRows(
  trx: Knex.Transaction,
  mapping: Pick<TableMapping<{ key: number }>, 'table' | 'columns'>,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  const names = Object.keys(mapping.columns);
  const definition = names.map((name) => `"${name}" ${mapping.columns[name]}`).join(', ');
  const list = names.map((name) => `"${name}"`).join(', ');
  const updates = names
    .filter((name) => name !== 'key')
    .map((name) => `"${name}" = excluded."${name}"`)
    .join(', ');
  await trx.raw(
    `insert into ${mapping.table} (${list}) select ${list} from json_to_recordset(?::json) as x(${definition})
     on conflict (key) do update set ${updates}`,
    [JSON.stringify(rows)],
  );
}
