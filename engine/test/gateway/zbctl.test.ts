import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serviceTask } from '../scenarios/harness.js';
import { linear } from '../scenarios/helpers.js';
import { useGateway } from './gatewayHarness.js';

const require = createRequire(import.meta.url);
/** The Linux binary that the zbctl npm package ships. */
const ZBCTL = join(dirname(require.resolve('zbctl/package.json')), 'bin', 'zbctl-cli.linux');

describe('gateway with zbctl', () => {
  const g = useGateway();
  const dir = mkdtempSync(join(tmpdir(), 'polis-zbctl-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs zbctl against the gateway and gives its stdout; rejects with its stderr when it fails. */
  const zbctl = (...args: string[]) =>
    new Promise<string>((resolve, reject) =>
      execFile(
        ZBCTL,
        ['--insecure', '--address', g.address, ...args],
        { timeout: 10_000, env: { ...process.env, HOME: dir } },
        (error, stdout, stderr) =>
          error ? reject(new Error(`zbctl ${args.join(' ')} failed: ${error.message}\n${stderr}`)) : resolve(stdout),
      ),
    );

  it('should show the topology', async () => {
    // when
    const out = await zbctl('status');
    // then
    expect(out).toContain('Cluster size: 1');
    expect(out).toContain('Leader');
  });

  it('should deploy a file, create an instance, activate and complete its job so that the instance completes', async () => {
    // given a BPMN file
    const file = join(dir, 'zbctl-order.bpmn');
    writeFileSync(file, linear('zbctl-order', [serviceTask('task', 'zbctl-work')]));
    // when it is deployed
    const deployed = JSON.parse(await zbctl('deploy', file)) as {
      processes: { bpmnProcessId: string; version: number; resourceName: string }[];
    };
    // then (zbctl 8.4 deploys through the older DeployProcess call, named after the path it was given)
    expect(deployed.processes).toEqual([
      expect.objectContaining({ bpmnProcessId: 'zbctl-order', version: 1, resourceName: file }),
    ]);
    // when an instance is created
    const created = JSON.parse(await zbctl('create', 'instance', 'zbctl-order', '--variables', '{"orderId":42}')) as {
      processInstanceKey: string;
      bpmnProcessId: string;
    };
    // then
    expect(created.bpmnProcessId).toBe('zbctl-order');
    // when its job is activated
    const activated = JSON.parse(await zbctl('activate', 'jobs', 'zbctl-work', '--maxJobsToActivate', '1')) as {
      jobs: { key: string; processInstanceKey: string; variables: string; type: string }[];
    };
    // then it belongs to the instance and carries its variables
    expect(activated.jobs).toHaveLength(1);
    const [job] = activated.jobs;
    expect(job).toMatchObject({ type: 'zbctl-work', processInstanceKey: created.processInstanceKey });
    expect(JSON.parse(job!.variables)).toEqual({ orderId: 42 });
    // when it is completed
    const completed = await zbctl('complete', 'job', job!.key, '--variables', '{"shipped":true}');
    // then zbctl reports it and the instance completed
    expect(completed).toContain(job!.key);
    expect(await g.ended(created.processInstanceKey)).toBe('COMPLETED');
  });
});
