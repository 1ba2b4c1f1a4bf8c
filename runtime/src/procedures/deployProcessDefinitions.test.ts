import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { deployProcessDefinitions } from './deployProcessDefinitions.js';
import { shippedDir } from './shippedDir.js';
import { useProcedureEngine } from './useProcedureEngine.js';

describe('deployProcessDefinitions', () => {
  const procedure = useProcedureEngine();
  const logger = pino({ level: 'silent' });

  it('should deploy every process of process-definitions/, and no new version when nothing changed', async () => {
    // given the fixture has deployed the folder once
    // when deploying it again
    const again = await deployProcessDefinitions(procedure.fixture.client, shippedDir('process-definitions'), logger);
    // then
    expect(again.failed).toEqual([]);
    expect(again.deployed.map((p) => `${p.bpmnProcessId} v${p.version}`)).toEqual([
      'citizen-request v1',
      'public-space-permit v1',
      'residence-certificate v1',
    ]);
  });
});
