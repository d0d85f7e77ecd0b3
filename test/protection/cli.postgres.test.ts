import { describe } from 'vitest';
import { backends } from '../support/stores.ts';
import { cliScenario } from './cliScenario.ts';

describe.runIf(backends().includes('postgres'))('protection through the CLI on postgres', () =>
  cliScenario('postgres'),
);
