import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formFieldNames } from './formFieldNames.js';
import type { PolisLintConfig } from './LintProblem.js';
import { lintDefinitions } from './lintDefinitions.js';
import { readBpmn } from './readBpmn.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const formsDir = join(root, 'forms');
const formFields = Object.fromEntries(
  readdirSync(formsDir)
    .filter((f) => f.endsWith('.form.json'))
    .map((f) => [f.replace('.form.json', ''), formFieldNames(JSON.parse(readFileSync(join(formsDir, f), 'utf8')))]),
);
const config: PolisLintConfig = { formFields: { ...formFields, decide: ['decision'] }, orgUnitCodes: ['DD.DHM'] };

/** A process with the given flow elements (and no diagram: the rules read the model only). */
function bpmn(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  id="d" targetNamespace="http://polis">
  <bpmn:process id="p" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
}

async function lint(xml: string, with_: PolisLintConfig = config) {
  const read = await readBpmn(xml);
  if (!read.ok) throw new Error(read.message);
  return (await lintDefinitions(read.definitions, with_)).map((p) => ({
    id: p.elementId,
    rule: p.rule,
    en: p.message.en,
  }));
}

const task = (id: string, extensions: string) =>
  `<bpmn:userTask id="${id}" name="Check"><bpmn:extensionElements>${extensions}</bpmn:extensionElements></bpmn:userTask>`;
const form = (formId: string) => `<zeebe:formDefinition formId="${formId}" />`;
const groups = (value: string) => `<zeebe:assignmentDefinition candidateGroups="${value}" />`;

describe('the Polis lint rules', () => {
  it('should report a user task without a form, on that task, in both languages', async () => {
    // given a user task assigned to a unit but without a form
    const read = await readBpmn(bpmn(task('check', groups('DD.DHM'))));
    if (!read.ok) throw new Error(read.message);
    // when it is linted
    const problems = await lintDefinitions(read.definitions, config);
    // then one problem names the task, in Greek and English
    expect(problems).toEqual([
      {
        elementId: 'check',
        rule: 'polis/user-task-form',
        severity: 'error',
        message: { en: expect.stringContaining('no form'), el: expect.stringContaining('δεν έχει φόρμα') },
      },
    ]);
  });

  it('should report a form that is not in the form library', async () => {
    const problems = await lint(bpmn(task('check', form('no-such-form') + groups('DD.DHM'))));
    expect(problems).toEqual([
      { id: 'check', rule: 'polis/user-task-form', en: expect.stringContaining("'no-such-form'") },
    ]);
  });

  it('should report a user task without candidate groups, and candidate groups naming unknown units', async () => {
    const problems = await lint(
      bpmn(task('nobody', form('decide')) + task('stranger', form('decide') + groups('DD.DHM, XX.YY'))),
    );
    expect(problems).toEqual([
      { id: 'nobody', rule: 'polis/user-task-candidate-groups', en: expect.stringContaining('assigned to nobody') },
      { id: 'stranger', rule: 'polis/user-task-candidate-groups', en: expect.stringContaining('XX.YY') },
    ]);
  });

  it('should report a FEEL expression that does not parse, naming where and at which character', async () => {
    const problems = await lint(
      bpmn(
        task(
          'check',
          form('decide') +
            groups('DD.DHM') +
            '<zeebe:ioMapping><zeebe:output source="=amount +" target="total" /></zeebe:ioMapping>',
        ),
      ),
    );
    expect(problems).toEqual([
      {
        id: 'check',
        rule: 'polis/feel-syntax',
        en: expect.stringMatching(/mapping to 'total'.*not valid FEEL.*character 9/),
      },
    ]);
  });

  const gatewayAfter = (upstream: string, condition: string) =>
    bpmn(`
      <bpmn:startEvent id="start" />
      ${upstream}
      <bpmn:exclusiveGateway id="gw" name="Approved?" default="no" />
      <bpmn:endEvent id="yesEnd" /><bpmn:endEvent id="noEnd" />
      <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
      <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="gw" />
      <bpmn:sequenceFlow id="yes" sourceRef="gw" targetRef="yesEnd">
        <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression>
      </bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="no" sourceRef="gw" targetRef="noEnd" />`);

  it('should accept a gateway condition reading a field of an upstream form or an output mapping', async () => {
    const upstream = task(
      'check',
      form('decide') +
        groups('DD.DHM') +
        '<zeebe:ioMapping><zeebe:output source="=1" target="score.value" /></zeebe:ioMapping>',
    );
    expect(
      await lint(gatewayAfter(upstream, '=decision = "approve" and score.value > 0 and applicationId != null')),
    ).toEqual([]);
  });

  it('should report a gateway condition reading a variable nothing upstream produces, on its flow', async () => {
    const upstream = task('check', form('decide') + groups('DD.DHM'));
    expect(await lint(gatewayAfter(upstream, '=decision = "approve" and amount > 100'))).toEqual([
      { id: 'yes', rule: 'polis/variable-contract', en: expect.stringMatching(/reads 'amount'.*'Approved\?'/) },
    ]);
  });

  it('should not count a variable produced only downstream of the gateway', async () => {
    const upstream = task('check', form('decide') + groups('DD.DHM'));
    const xml = gatewayAfter(upstream, '=later').replace(
      '<bpmn:endEvent id="yesEnd" />',
      '<bpmn:endEvent id="yesEnd"><bpmn:extensionElements><zeebe:ioMapping><zeebe:output source="=1" target="later" /></zeebe:ioMapping></bpmn:extensionElements></bpmn:endEvent>',
    );
    expect((await lint(xml)).map((p) => p.rule)).toEqual(['polis/variable-contract']);
  });

  it('should pass every shipped process definition clean', async () => {
    const dir = join(root, 'process-definitions');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.bpmn'))) {
      const problems = await lint(readFileSync(join(dir, file), 'utf8'), { formFields });
      expect(problems, file).toEqual([]);
    }
  });

  it('should read and lint the BPMN MIWG test files without failing', async () => {
    // The BPMN Model Interchange Working Group's test files, in shared/ beside the repository.
    const dir = join(root, '..', 'shared', 'testdata', 'bpmn-miwg');
    for (const file of ['A.1.0.bpmn', 'A.4.1.bpmn', 'B.2.0.bpmn', 'C.4.0.bpmn', 'C.9.2.bpmn']) {
      const read = await readBpmn(readFileSync(join(dir, file), 'utf8'));
      expect(read.ok, file).toBe(true);
      if (read.ok) await expect(lintDefinitions(read.definitions, config)).resolves.toBeInstanceOf(Array);
    }
  });
});
