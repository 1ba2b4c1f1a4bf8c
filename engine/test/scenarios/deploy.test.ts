import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bpmn, flow, ok, serviceTask, useScenario, viaGrpc } from './harness.js';
import { linear } from './helpers.js';

const TESTDATA = fileURLToPath(new URL('../../../../shared/testdata/', import.meta.url));

/** Every .bpmn file under a directory, recursively, sorted. */
function bpmnFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.bpmn'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const rejectionOf = (
  result: { ok: boolean } & ({ ok: true } | { ok: false; rejection: { type: string; reason: string } }),
) => (result.ok ? undefined : result.rejection);

const INVALID = bpmn(
  'invalid',
  `<bpmn:startEvent id="start" />
  <bpmn:serviceTask id="ServiceTask_1" />
  <bpmn:exclusiveGateway id="Gateway_2" />
  <bpmn:endEvent id="endA" /><bpmn:endEvent id="endB" />
  <bpmn:scriptTask id="Script_1"><bpmn:extensionElements><zeebe:script expression="= 1 +* 2" resultVariable="r" /></bpmn:extensionElements></bpmn:scriptTask>
  <bpmn:complexGateway id="Complex_1" />
  <bpmn:boundaryEvent id="Compensate_1" attachedToRef="ServiceTask_1"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
  ${flow('Flow_1', 'start', 'ServiceTask_1')}
  ${flow('Flow_2', 'ServiceTask_1', 'Gateway_2')}
  ${flow('Flow_3', 'Gateway_2', 'endA')}
  ${flow('Flow_4', 'Gateway_2', 'Script_1', '= amount &gt;')}
  ${flow('Flow_5', 'Script_1', 'endB')}`,
);

// The gateway protocol's ProcessMetadata has no duplicate flag: through gRPC a client sees a duplicate by
// the unchanged key and version only, so the flag is asserted on the embedded engine alone.
const duplicate = (value: boolean) => (viaGrpc ? {} : { duplicate: value });

describe('deployment', () => {
  const s = useScenario();

  it('should return the existing version when identical XML is deployed again', async () => {
    // given
    const xml = linear('same', [serviceTask('task', 'same-job')]);
    const first = ok(await s.engine.deploy([{ name: 'same.bpmn', content: xml }]));
    // when
    const second = ok(await s.engine.deploy([{ name: 'same.bpmn', content: xml }]));
    // then
    expect(first.processes[0]).toMatchObject({ bpmnProcessId: 'same', version: 1, ...duplicate(false) });
    expect(second.processes[0]).toMatchObject({
      bpmnProcessId: 'same',
      version: 1,
      ...duplicate(true),
      processDefinitionKey: first.processes[0]!.processDefinitionKey,
    });
    const created = (await s.records()).filter(
      (r) => r.valueType === 'PROCESS' && r.intent === 'CREATED' && r.value.bpmnProcessId === 'same',
    );
    expect(created).toHaveLength(1);
  });

  it('should create version 2 when the XML changed, and start new instances on it', async () => {
    // given
    ok(await s.engine.deploy([{ name: 'v.bpmn', content: linear('versioned', [serviceTask('task', 'v1-job')]) }]));
    // when
    const second = ok(
      await s.engine.deploy([{ name: 'v.bpmn', content: linear('versioned', [serviceTask('task', 'v2-job')]) }]),
    );
    // then
    expect(second.processes[0]).toMatchObject({ version: 2, ...duplicate(false) });
    const instance = ok(await s.engine.createProcessInstance({ bpmnProcessId: 'versioned' }));
    expect(instance.version).toBe(2);
    const old = ok(await s.engine.createProcessInstance({ bpmnProcessId: 'versioned', version: 1 }));
    expect(old.version).toBe(1);
  });

  it('should reject an invalid model whole, listing every problem', async () => {
    // when
    const rejection = rejectionOf(await s.engine.deploy([{ name: 'invalid.bpmn', content: INVALID }]));
    // then
    expect(rejection?.type).toBe('INVALID_ARGUMENT');
    const reason = rejection?.reason ?? '';
    expect(reason).toContain('ServiceTask_1: no zeebe:taskDefinition type');
    expect(reason).toContain('Gateway_2: outgoing flow Flow_3 has no condition and is not the default flow');
    expect(reason).toMatch(/Script_1: the script '= 1 \+\* 2' is not valid FEEL: .*\(at character \d+\)/);
    expect(reason).toMatch(/Flow_4: the condition '= amount >' is not valid FEEL: .*\(at character \d+\)/);
    expect(reason).toMatch(/Complex_1: complex gateways are not supported/);
    expect(reason).toMatch(/Compensate_1: compensation events are not supported/);
    // and nothing was deployed
    const started = await s.engine.createProcessInstance({ bpmnProcessId: 'invalid' });
    expect(rejectionOf(started)?.type).toBe('NOT_FOUND');
  });

  it('should deploy nothing when one of two resources is invalid', async () => {
    // given
    const valid = linear('atomicValid', [serviceTask('task', 'atomic-job')]);
    const invalid = linear('atomicInvalid', ['<bpmn:serviceTask id="noType" />']);
    // when
    const rejection = rejectionOf(
      await s.engine.deploy([
        { name: 'valid.bpmn', content: valid },
        { name: 'invalid.bpmn', content: invalid },
      ]),
    );
    // then
    expect(rejection?.type).toBe('INVALID_ARGUMENT');
    expect(rejection?.reason).toContain('invalid.bpmn: noType: no zeebe:taskDefinition type');
    expect(rejection?.reason).not.toContain('valid.bpmn: task');
    const started = await s.engine.createProcessInstance({ bpmnProcessId: 'atomicValid' });
    expect(rejectionOf(started)?.type).toBe('NOT_FOUND');
  });

  it('should deploy several resources together, each with its own process', async () => {
    // when
    const result = ok(
      await s.engine.deploy([
        { name: 'one.bpmn', content: linear('multiOne', []) },
        { name: 'two.bpmn', content: linear('multiTwo', []) },
      ]),
    );
    // then
    expect(result.processes.map((p) => [p.bpmnProcessId, p.resourceName, p.version])).toEqual([
      ['multiOne', 'one.bpmn', 1],
      ['multiTwo', 'two.bpmn', 1],
    ]);
  });

  it('should reject XML that cannot be read, a resource that is not BPMN, and an empty deployment', async () => {
    // when
    const broken = rejectionOf(await s.engine.deploy([{ name: 'broken.bpmn', content: '<bpmn:definitions' }]));
    const notBpmn = rejectionOf(await s.engine.deploy([{ name: 'form.json', content: '{}' }]));
    const empty = rejectionOf(await s.engine.deploy([]));
    // then
    expect(broken?.type).toBe('INVALID_ARGUMENT');
    expect(broken?.reason).toContain('broken.bpmn: the XML cannot be read');
    expect(notBpmn?.type).toBe('INVALID_ARGUMENT');
    expect(notBpmn?.reason).toContain('form.json');
    expect(empty?.type).toBe('INVALID_ARGUMENT');
  });

  it('should reject a process without an executable process or without a start event', async () => {
    // when
    const notExecutable = rejectionOf(
      await s.engine.deploy([
        {
          name: 'ne.bpmn',
          content: bpmn('nonExec', '<bpmn:startEvent id="s" />').replace('isExecutable="true"', 'isExecutable="false"'),
        },
      ]),
    );
    const noStart = rejectionOf(
      await s.engine.deploy([{ name: 'ns.bpmn', content: bpmn('noStart', '<bpmn:endEvent id="e" />') }]),
    );
    // then
    expect(notExecutable?.reason).toContain('no executable process');
    expect(noStart?.reason).toContain('noStart: the process has no start event');
  });

  it('should deploy or cleanly reject every BPMN file of the test data', async () => {
    // given
    const files = bpmnFiles(TESTDATA);
    expect(files.length).toBeGreaterThan(0);
    const failures: string[] = [];
    let deployed = 0;
    // when each is deployed on its own
    for (const file of files) {
      const name = relative(TESTDATA, file);
      try {
        const result = await s.engine.deploy([{ name: 'resource.bpmn', content: readFileSync(file, 'utf8') }]);
        if (result.ok) deployed++;
        else if (result.rejection.type !== 'INVALID_ARGUMENT')
          failures.push(`${name}: rejected as ${result.rejection.type}`);
        else if (!/resource\.bpmn: \S/.test(result.rejection.reason))
          failures.push(`${name}: the reason names no problem: ${JSON.stringify(result.rejection.reason)}`);
      } catch (error) {
        failures.push(`${name}: threw ${String(error)}`);
      }
    }
    // then each either deployed or was rejected with the problems named
    expect(failures).toEqual([]);
    expect(deployed).toBeGreaterThan(0);
  });
});
