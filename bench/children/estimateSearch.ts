/**
 * Child process of the estimate bench: runs one estimate and prints its peak RSS as JSON, so the
 * figure is this search's alone (not the bench runner's heap). Usage:
 *   node --import tsx bench/children/estimateSearch.ts baseline|six|six-all|lcmcr
 */
import { estimatePopulation } from '../../src/analysis/mse/estimatePopulation.ts';
import { simulatedSixLists } from '../../test/support/simulateCaptures.ts';

const mode = process.argv[2] ?? 'six';
const cpuStart = process.cpuUsage();
let models = 0;
let estimate: number | null = null;
if (mode === 'six') {
  estimate = estimatePopulation(simulatedSixLists()).estimate;
} else if (mode === 'six-all') {
  // --all-models: every model is handed on as it is fitted (here counted), none is kept.
  estimate = estimatePopulation(simulatedSixLists(), { onModel: () => (models += 1) }).estimate;
}
const cpu = process.cpuUsage(cpuStart);
process.stdout.write(
  `${JSON.stringify({ mode, estimate, models, peakRssMiB: process.resourceUsage().maxRSS / 1024, cpuSeconds: (cpu.user + cpu.system) / 1e6 })}\n`,
);
