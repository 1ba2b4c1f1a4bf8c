import { describe, expect, it } from 'vitest';
import type { Actor } from './Actor.js';
import { createOrgUnit } from './createOrgUnit.js';
import { moveOrgUnit } from './moveOrgUnit.js';
import { unitsBelow } from './unitsBelow.js';
import { unitTree } from './unitTree.js';
import { useOrgChartDatabase } from './useOrgChartDatabase.js';

const actor: Actor = { userId: undefined, sourceIp: '127.0.0.1' };

describe('moveOrgUnit', () => {
  const fixture = useOrgChartDatabase();
  const create = async (code: string, parentId: string | null) => {
    const result = await createOrgUnit(fixture.db.knex, actor, {
      code,
      nameEl: code,
      nameEn: code,
      kind: parentId ? 'department' : 'municipality',
      parentId,
    });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };

  it('should refuse to move a unit under its own descendant, as a value naming the field, and change nothing', async () => {
    // given DAM → DD → DD.DHM
    const root = await create('DAM', null);
    const dd = await create('DD', root.id);
    const dhm = await create('DD.DHM', dd.id);
    // when DD is moved under DD.DHM, or under itself
    const result = await moveOrgUnit(fixture.db.knex, actor, dd.id, dhm.id);
    const self = await moveOrgUnit(fixture.db.knex, actor, dd.id, dd.id);
    // then
    expect(result).toMatchObject({ ok: false, error: { id: 'org_unit_cycle', field: 'newParentId' } });
    expect(self).toMatchObject({ ok: false, error: { id: 'org_unit_cycle' } });
    expect((await unitsBelow(fixture.db.knex, root.id)).map((u) => u.code)).toEqual(['DD', 'DD.DHM']);
  });

  it('should move a unit with its sub-units to a new parent', async () => {
    // given DT under DAM, and DD with DD.DHM
    const [root] = await unitTree(fixture.db.knex);
    const dt = await create('DT', root!.id);
    const dd = root!.children.find((u) => u.code === 'DD')!;
    // when DD moves under DT
    const result = await moveOrgUnit(fixture.db.knex, actor, dd.id, dt.id);
    // then
    expect(result.ok).toBe(true);
    expect((await unitsBelow(fixture.db.knex, dt.id)).map((u) => u.code)).toEqual(['DD', 'DD.DHM']);
    const [tree] = await unitTree(fixture.db.knex);
    expect(tree!.children.map((u) => u.code)).toEqual(['DT']);
  });

  it('should refuse a second unit with a taken code', async () => {
    const result = await createOrgUnit(fixture.db.knex, actor, {
      code: 'DT',
      nameEl: 'x',
      nameEn: 'x',
      kind: 'directorate',
      parentId: null,
    });
    expect(result).toMatchObject({ ok: false, error: { id: 'org_unit_code_taken', field: 'code' } });
  });
});
