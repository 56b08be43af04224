/** Entry point: `node scripts/eval/cli-extraction.ts --dir ../shared/eval/extraction`. */
import { parseArgs } from 'node:util';
import { evalExtraction } from './extraction.ts';

const { values } = parseArgs({ options: { dir: { type: 'string', default: '../shared/eval/extraction' } } });
const report = await evalExtraction(values.dir);
// Below the target score the command fails, so it can gate a change to the extractor.
if (!report.skipped && report.ours !== null && report.ours.f1 < 0.95) process.exitCode = 1;
