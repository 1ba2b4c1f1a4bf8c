// A child process for the crash test: `load` starts instances and works their jobs until killed;
// `recover` only works the jobs left over until every started instance has completed.
import { createEngine } from '../../src/Engine.js';
import { engineMigrations } from '../../src/store/engineMigrations.js';
import { migrate } from '../../src/store/migrate.js';
import { openDatabase } from '../../src/store/openDatabase.js';

export const CRASH_PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  id="Definitions_crash" targetNamespace="http://polis.example/crash">
  <bpmn:process id="crash" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:serviceTask id="work"><bpmn:extensionElements><zeebe:taskDefinition type="crash-work" /></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

async function main(): Promise<void> {
  const [mode, target] = process.argv.slice(2);
  if (!target) throw new Error('usage: crashChild load|recover <postgres-url|pglite-dir>');
  const db = await openDatabase(
    target.startsWith('postgres')
      ? { kind: 'postgres', url: target, poolSize: 4 }
      : { kind: 'pglite', dataDir: target },
  );
  await migrate(db.knex, [engineMigrations]);
  const engine = createEngine({ db, schedulerIntervalMs: 50 });
  const deployed = await engine.deploy([{ name: 'crash.bpmn', content: CRASH_PROCESS }]);
  if (!deployed.ok) throw new Error(deployed.rejection.reason);
  let stop = false;
  const worker = async () => {
    while (!stop) {
      const jobs = await engine.activateJobs({
        type: 'crash-work',
        worker: `w${process.pid}`,
        timeoutMs: 300,
        maxJobsToActivate: 50,
      });
      if (!jobs.ok || jobs.value.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        continue;
      }
      await Promise.all(jobs.value.map((job) => engine.completeJob({ jobKey: job.key, variables: { done: true } })));
    }
  };
  const workers = [worker(), worker()];
  if (mode === 'load') {
    let started = 0;
    const starter = async () => {
      for (;;) {
        const created = await engine.createProcessInstance({ bpmnProcessId: 'crash', variables: { n: started++ } });
        if (created.ok && started % 100 === 0) process.stdout.write(`started ${started}\n`);
      }
    };
    await Promise.all([starter(), starter(), starter(), starter()]);
  } else {
    // Recover: wait until nothing is left to do, then report.
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const [row] = (await db.knex('engine_process_instance').count({ count: '*' })) as { count: string }[];
      if (Number(row?.count ?? 0) === 0) break;
    }
    stop = true;
    await Promise.all(workers);
    await engine.stop();
    await db.close();
    process.stdout.write('recovered\n');
  }
}

await main();
