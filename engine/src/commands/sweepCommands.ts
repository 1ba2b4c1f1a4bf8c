import type { BatchContext } from '../processing/BatchContext.js';
import type { Machine } from '../processing/Machine.js';
import { correlateBufferedForNewSubscriptions } from './messageCommands.js';

/** Fires due timers: starts instances at timer start events, triggers catch events, boundaries and event sub-processes. */
export async function triggerDueTimers(ctx: BatchContext, m: Machine, limit: number): Promise<number> {
  await ctx.flush();
  const rows = (await ctx
    .trx('engine_timer')
    .where('due_date', '<=', ctx.now)
    .orderBy('due_date')
    .limit(limit)
    .forUpdate()
    .skipLocked()) as Record<string, unknown>[];
  const timers = ctx.timers.adopt(rows).filter((row) => ctx.timers.peek(row.key));
  for (const timer of timers) {
    if (!ctx.timers.peek(timer.key)) continue; // canceled by an earlier timer of this sweep
    m.apply.timer.triggered(timer);
    const next = await m.subscriptions.repeat(timer);
    if (timer.processInstanceKey === null) {
      const deployed = await ctx.definitions.byDefinitionKey(ctx.trx, timer.processDefinitionKey);
      if (deployed) {
        await m.createInstance(deployed, {}, { startEventId: timer.data.targetElementId });
        if (next) m.apply.timer.created(next);
        await m.run();
      }
      continue;
    }
    const doc = await m.instance(timer.processInstanceKey);
    const owner = doc?.elements[timer.data.elementInstanceKey];
    if (!doc || !owner) continue;
    const model = await m.model(doc);
    const catchDef = model.elements.get(timer.data.targetElementId);
    const keepsListening =
      catchDef !== undefined &&
      !catchDef.interrupting &&
      (catchDef.type === 'BOUNDARY_EVENT' || catchDef.type === 'START_EVENT');
    const remaining = (owner.subscriptions ?? []).filter((s) => s.key !== timer.key);
    if (keepsListening && next) {
      m.apply.timer.created(next);
      remaining.push({ kind: 'timer', key: next.key, elementId: timer.data.targetElementId });
    }
    m.apply.processInstance.updated(doc, owner, { subscriptions: remaining });
    await m.triggerEvent(doc, owner, timer.data.targetElementId, {});
  }
  await correlateBufferedForNewSubscriptions(ctx, m);
  return timers.length;
}

/** Makes jobs activatable again whose worker's timeout passed, or whose retry back-off is over. */
export async function reviveJobs(ctx: BatchContext, m: Machine, limit: number): Promise<number> {
  await ctx.flush();
  const expired = ctx.jobs.adopt(
    await ctx
      .trx('engine_job')
      .where({ state: 'ACTIVATED' })
      .where('deadline', '<=', ctx.now)
      .orderBy('deadline')
      .limit(limit)
      .forUpdate()
      .skipLocked(),
  );
  for (const job of expired) if (ctx.jobs.peek(job.key)?.state === 'ACTIVATED') m.apply.job.timedOut(job);
  const recurring = ctx.jobs.adopt(
    await ctx
      .trx('engine_job')
      .where({ state: 'FAILED' })
      .where('recurring_at', '<=', ctx.now)
      .where('retries', '>', 0)
      .orderBy('recurring_at')
      .limit(limit)
      .forUpdate()
      .skipLocked(),
  );
  for (const job of recurring) if (ctx.jobs.peek(job.key)?.state === 'FAILED') m.apply.job.recurred(job);
  return expired.length + recurring.length;
}
