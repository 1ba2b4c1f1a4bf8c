import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase } from '../../src/store/createTestDatabase.js';
import { engineMigrations } from '../../src/store/engineMigrations.js';
import type { Database } from '../../src/store/Database.js';
import { createEngine, type Engine } from '../../src/Engine.js';
import { ControlledClock } from '../../src/feel/Clock.js';
import type { CommandResult } from '../../src/commands/Rejection.js';
import type { EngineRecord } from '../../src/records/Record.js';
import { startGateway, type RunningGateway } from '../../src/gateway/startGateway.js';
import { GrpcEngine } from './GrpcEngine.js';

/**
 * Whether scenarios run through the Zeebe gateway with @camunda8/sdk (`POLIS_SCENARIOS_VIA=grpc`)
 * rather than against the embedded engine: the same assertions, over the wire protocol.
 */
export const viaGrpc = process.env.POLIS_SCENARIOS_VIA === 'grpc';

/** Wraps process XML in a BPMN document with the Zeebe namespace (no diagram: the engine needs none). */
export function bpmn(processId: string, body: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  id="Definitions_${processId}" targetNamespace="http://polis.example/bpmn">
  <bpmn:process id="${processId}" isExecutable="true">
${body}
  </bpmn:process>
${extra}
</bpmn:definitions>`;
}

/** A service task with a job type. */
export const serviceTask = (id: string, type: string, extensions = '') =>
  `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}" />${extensions}</bpmn:extensionElements></bpmn:serviceTask>`;

/** A sequence flow, optionally with a FEEL condition. */
export const flow = (id: string, from: string, to: string, condition?: string) =>
  condition === undefined
    ? `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`
    : `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>`;

/** Unwraps a command result that a scenario expects to succeed. */
export function ok<T>(result: CommandResult<T>): T {
  if (!result.ok)
    throw new Error(`Expected the command to succeed, but: ${result.rejection.type}: ${result.rejection.reason}`);
  return result.value;
}

/** One engine per test file on a fresh database, with a controlled clock and the record log at hand. */
export interface Scenario {
  engine: Engine;
  clock: ControlledClock;
  db: Database;
  /** Deploys BPMN XML (failing the test if it is rejected) and returns the process definition key. */
  deploy(xml: string, name?: string): Promise<string>;
  /** Every record written since the file began, in log order. */
  records(): Promise<EngineRecord[]>;
  /** Records of one process instance: "VALUE_TYPE:INTENT:elementId" strings, for readable assertions. */
  trace(processInstanceKey: string, valueTypes?: readonly string[]): Promise<string[]>;
  /** Activates and completes every job of a type, with variables. */
  completeJobs(type: string, variables?: Record<string, unknown>): Promise<number>;
  /** Moves the clock on and fires what is due. */
  advance(ms: number): Promise<void>;
  /** The process instance's root variables once it has ended, from the record log. */
  variablesOf(processInstanceKey: string): Promise<Record<string, unknown>>;
  /** Whether the process element of the instance has COMPLETED / TERMINATED. */
  state(processInstanceKey: string): Promise<'ACTIVE' | 'COMPLETED' | 'TERMINATED'>;
  incidents(processInstanceKey: string): Promise<EngineRecord[]>;
}

/** Sets up a scenario for the test file (beforeAll) and tears it down (afterAll). */
export function useScenario(): Scenario {
  const scenario = {} as Scenario;
  let db: Database;
  let gateway: RunningGateway | undefined;
  let client: GrpcEngine | undefined;
  beforeAll(async () => {
    db = await createTestDatabase([engineMigrations]);
    const clock = new ControlledClock();
    const embedded = createEngine({ db, clock, schedulerIntervalMs: 0 });
    let engine = embedded;
    if (viaGrpc) {
      gateway = await startGateway({ engine: embedded, port: 0 });
      client = new GrpcEngine(embedded, gateway.port);
      // The adapter has the engine's client API, so scenarios compile and run unchanged.
      engine = client as unknown as Engine;
    }
    Object.assign(scenario, {
      engine,
      clock,
      db,
      async deploy(xml: string, name = 'process.bpmn') {
        const result = ok(await engine.deploy([{ name, content: xml }]));
        return result.processes[0]!.processDefinitionKey;
      },
      records: () => engine.readRecords(0, 100_000),
      async trace(processInstanceKey: string, valueTypes: readonly string[] = ['PROCESS_INSTANCE']) {
        const records = await engine.readRecords(0, 100_000);
        return records
          .filter((r) => String(r.value.processInstanceKey) === processInstanceKey && valueTypes.includes(r.valueType))
          .map((r) => `${r.valueType}:${r.intent}:${String(r.value.elementId ?? r.value.name ?? '')}`);
      },
      async completeJobs(type: string, variables: Record<string, unknown> = {}) {
        const jobs = ok(
          await engine.activateJobs({ type, worker: 'test', timeoutMs: 60_000, maxJobsToActivate: 1000 }),
        );
        for (const job of jobs) ok(await engine.completeJob({ jobKey: job.key, variables }));
        return jobs.length;
      },
      async advance(ms: number) {
        clock.advance(ms);
        await engine.tick();
      },
      async variablesOf(processInstanceKey: string) {
        const records = await engine.readRecords(0, 100_000);
        const out: Record<string, unknown> = {};
        for (const r of records) {
          if (r.valueType === 'VARIABLE' && String(r.value.scopeKey) === processInstanceKey) {
            out[String(r.value.name)] = JSON.parse(String(r.value.value));
          }
        }
        return out;
      },
      async state(processInstanceKey: string) {
        const records = await engine.readRecords(0, 100_000);
        const root = records.filter((r) => r.valueType === 'PROCESS_INSTANCE' && String(r.key) === processInstanceKey);
        if (root.some((r) => r.intent === 'ELEMENT_COMPLETED')) return 'COMPLETED';
        if (root.some((r) => r.intent === 'ELEMENT_TERMINATED')) return 'TERMINATED';
        return 'ACTIVE';
      },
      async incidents(processInstanceKey: string) {
        const records = await engine.readRecords(0, 100_000);
        const created = records.filter(
          (r) => r.valueType === 'INCIDENT' && String(r.value.processInstanceKey) === processInstanceKey,
        );
        const resolved = new Set(created.filter((r) => r.intent === 'RESOLVED').map((r) => r.key));
        return created.filter((r) => r.intent === 'CREATED' && !resolved.has(r.key));
      },
    } satisfies Scenario);
  });
  afterAll(async () => {
    await client?.close();
    await gateway?.close();
    await scenario.engine?.stop();
    await db?.close();
  });
  return scenario;
}
