import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import demoOrgChart from '../orgchart/demo/demoOrgChart.json' with { type: 'json' };
import { loadServiceDefinitions, ServiceDefinitionError } from './loadServiceDefinitions.js';
import { shippedDir } from './shippedDir.js';

const definitionsDir = shippedDir('process-definitions');
const formsDir = shippedDir('forms');
const unitCodes = new Set(demoOrgChart.units.map((u) => u.code));
const bpmnFiles = (await readdir(definitionsDir)).filter((f) => f.endsWith('.bpmn')).sort();
const formIds = (await readdir(formsDir)).filter((f) => f.endsWith('.form.json')).map((f) => f.slice(0, -10));
/** The forms of these procedures, named `<process-id>-…` (forms/ also holds forms of other features). */
const procedureFormIds = formIds.filter((id) => bpmnFiles.some((file) => id.startsWith(`${file.slice(0, -5)}-`)));
const read = (file: string) => readFile(join(definitionsDir, file), 'utf8');
const attributes = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(` ${name}="([^"]*)"`, 'g'))].map((m) => m[1]!);
const unescape = (text: string) => text.replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** The unit codes a candidateGroups value can give: its list, or for an expression the texts it (or the script that sets its variable) names. */
function candidateUnits(xml: string, value: string): string[] {
  if (!value.startsWith('=')) return value.split(',').map((v) => v.trim());
  const expression = unescape(value);
  const sources = [expression];
  for (const variable of expression.match(/[A-Za-z_]\w*/g) ?? []) {
    const script = new RegExp(`expression="([^"]*)" resultVariable="${variable}"`).exec(xml);
    if (script) sources.push(unescape(script[1]!));
  }
  return sources.flatMap((s) => [...s.matchAll(/"([^"]+)"/g)].map((m) => m[1]!));
}

const ALLOWED_TYPES = new Set([
  'textfield',
  'textarea',
  'number',
  'select',
  'radio',
  'checkbox',
  'datetime',
  'file',
  'panel',
  'columns',
  'content',
  'polis-afm',
  'polis-amka',
  'polis-iban',
  'polis-phone',
  'polis-postal-code',
]);
type Component = Record<string, unknown> & { type: string; key: string };
function* componentsOf(components: readonly Component[]): Generator<Component> {
  for (const c of components) {
    yield c;
    if (Array.isArray(c.components)) yield* componentsOf(c.components as Component[]);
    if (Array.isArray(c.columns))
      for (const column of c.columns as { components: Component[] }[]) yield* componentsOf(column.components);
  }
}

describe('process-definitions/', () => {
  it('should hold the three first procedures', () => {
    expect(bpmnFiles).toEqual(['citizen-request.bpmn', 'public-space-permit.bpmn', 'residence-certificate.bpmn']);
  });

  it.each(bpmnFiles)('%s should be one executable process named after its file, with Greek names', async (file) => {
    const xml = await read(file);
    const processes = [...xml.matchAll(/<bpmn:process id="([^"]+)" name="([^"]+)" isExecutable="true"/g)];
    expect(processes.map((m) => m[1])).toEqual([file.slice(0, -5)]);
    for (const name of attributes(xml, 'name').filter((n) => !/^[\w-]+$/.test(n))) expect(name).toMatch(/[Α-Ωα-ωά-ώ]/);
    const tasks = [...xml.matchAll(/<bpmn:(\w+Task) id="([^"]+)"( name="[^"]+")?/g)];
    expect(tasks.filter((m) => !m[3]).map((m) => m[2])).toEqual([]);
  });

  it.each(bpmnFiles)('%s should have a diagram shape for every element and an edge for every flow', async (file) => {
    const xml = await read(file);
    const process = xml.slice(xml.indexOf('<bpmn:process'), xml.indexOf('</bpmn:process>'));
    const flows = attributes(process.replace(/<bpmn:sequenceFlow [^>]*>/g, ''), 'id').filter(
      (id) => !/Timer$|Message$/.test(id),
    );
    const edges = [...process.matchAll(/<bpmn:sequenceFlow id="([^"]+)"/g)].map((m) => m[1]!);
    const drawn = new Set(attributes(xml.slice(xml.indexOf('<bpmndi:BPMNDiagram')), 'bpmnElement'));
    expect(flows.slice(1).filter((id) => !drawn.has(id))).toEqual([]);
    expect(edges.filter((id) => !drawn.has(id))).toEqual([]);
  });

  it.each(bpmnFiles)('%s should reference only forms in forms/ and unit codes of the org chart', async (file) => {
    const xml = await read(file);
    const forms = attributes(xml, 'formId');
    expect(forms.length).toBeGreaterThan(1);
    expect(forms.filter((id) => !formIds.includes(id))).toEqual([]);
    const groups = attributes(xml, 'candidateGroups').flatMap((value) => candidateUnits(xml, value));
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.filter((code) => !unitCodes.has(code))).toEqual([]);
  });

  it('should have a valid e-service definition beside each process, whose forms and messages exist', async () => {
    // when
    const services = await loadServiceDefinitions(definitionsDir);
    // then
    expect(services.map((s) => `${s.processId}.bpmn`)).toEqual(bpmnFiles);
    for (const service of services) {
      const xml = await read(`${service.processId}.bpmn`);
      const startEvent = /<bpmn:startEvent[\s\S]*?<\/bpmn:startEvent>/.exec(xml)?.[0] ?? '';
      expect(attributes(startEvent, 'formId')).toEqual([service.startFormId]);
      expect(unitCodes.has(service.ownerUnit)).toBe(true);
      for (const { messageName, formId } of service.messageForms ?? []) {
        expect(attributes(xml, 'name')).toContain(messageName);
        expect(formIds).toContain(formId);
      }
    }
  });

  it('should refuse a service definition that does not match the schema or its file', async () => {
    // given
    const dir = await mkdtemp(join(tmpdir(), 'polis-services-'));
    await writeFile(join(dir, 'a.bpmn'), '');
    await writeFile(join(dir, 'a.service.json'), JSON.stringify({ processId: 'b', title: { el: 'Α' } }));
    // when / then
    await expect(loadServiceDefinitions(dir)).rejects.toThrow(ServiceDefinitionError);
    await expect(loadServiceDefinitions(dir)).rejects.toThrow(
      /a\.service\.json: \/title must have required property 'en'/,
    );
  });
});

describe('forms/', () => {
  it('should be referenced by its process or service, every form named after a procedure', async () => {
    const referenced = new Set<string>();
    for (const file of bpmnFiles) for (const id of attributes(await read(file), 'formId')) referenced.add(id);
    for (const s of await loadServiceDefinitions(definitionsDir))
      for (const m of s.messageForms ?? []) referenced.add(m.formId);
    expect(procedureFormIds.length).toBeGreaterThanOrEqual(9);
    expect(procedureFormIds.filter((id) => !referenced.has(id))).toEqual([]);
  });

  it.each(procedureFormIds)('%s should use only allowed components, unique keys, and no code', async (id) => {
    const form = JSON.parse(await readFile(join(formsDir, `${id}.form.json`), 'utf8')) as {
      path: string;
      title: string;
      components: Component[];
    };
    expect(form.path).toBe(id);
    expect(form.title).toMatch(/[Α-Ωα-ωά-ώ]/);
    const all = [...componentsOf(form.components)];
    expect(all.filter((c) => !ALLOWED_TYPES.has(c.type)).map((c) => c.type)).toEqual([]);
    const keys = all.map((c) => c.key);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    expect(JSON.stringify(form)).not.toMatch(/customConditional|calculateValue|"custom"/);
    for (const c of all.filter((c) => c.conditional)) {
      const when = (c.conditional as { when: string }).when;
      expect(keys).toContain(when);
    }
  });
});
