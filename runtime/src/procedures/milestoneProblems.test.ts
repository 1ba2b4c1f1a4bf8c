import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServiceDefinitions, ServiceDefinitionError } from './loadServiceDefinitions.js';
import { shippedDir } from './shippedDir.js';

/** A folder with the shipped residence certificate, its service definition changed by `change`. */
async function residenceCertificateWith(change: (service: Record<string, unknown>) => void): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'polis-milestones-'));
  const shipped = shippedDir('process-definitions');
  const service = JSON.parse(await readFile(join(shipped, 'residence-certificate.service.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  change(service);
  await writeFile(join(dir, 'residence-certificate.service.json'), JSON.stringify(service));
  await writeFile(
    join(dir, 'residence-certificate.bpmn'),
    await readFile(join(shipped, 'residence-certificate.bpmn'), 'utf8'),
  );
  return dir;
}

describe('milestones of a service definition', () => {
  it('should load the shipped milestones, each naming an element of its process', async () => {
    const services = await loadServiceDefinitions(shippedDir('process-definitions'));
    const residence = services.find((s) => s.processId === 'residence-certificate');
    expect(residence?.milestones?.map((m) => `${m.elementId}:${m.status}`)).toEqual([
      'check:in_review',
      'awaitReply:awaiting_citizen',
      'issued:issued',
      'rejected:rejected',
    ]);
    for (const service of services) expect(service.milestones?.length).toBeGreaterThan(0);
  });

  it('should refuse a milestone on an element the BPMN does not have, naming the file and the element', async () => {
    // given a milestone on a misspelt element id
    const dir = await residenceCertificateWith((s) => {
      s.milestones = [{ elementId: 'chekc', status: 'in_review' }];
    });
    // when / then
    await expect(loadServiceDefinitions(dir)).rejects.toThrow(ServiceDefinitionError);
    await expect(loadServiceDefinitions(dir)).rejects.toThrow(
      "residence-certificate.service.json: /milestones/0/elementId 'chekc' is not an element of residence-certificate.bpmn",
    );
  });

  it('should refuse a status outside the vocabulary and a label without both languages', async () => {
    const dir = await residenceCertificateWith((s) => {
      s.milestones = [{ elementId: 'check', status: 'pending', label: { el: 'Σε αναμονή' } }];
    });
    await expect(loadServiceDefinitions(dir)).rejects.toThrow(/\/milestones\/0\/status must be equal to one of/);
    await expect(loadServiceDefinitions(dir)).rejects.toThrow(
      /\/milestones\/0\/label must have required property 'en'/,
    );
  });
});
