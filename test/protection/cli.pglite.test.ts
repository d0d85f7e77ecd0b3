import { describe } from 'vitest';
import { cliScenario } from './cliScenario.ts';

describe('protection through the CLI on pglite', () => cliScenario('pglite'));
