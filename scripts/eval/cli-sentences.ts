/** Entry point: `node scripts/eval/cli-sentences.ts --dir ../shared/eval/sentences`. */
import { parseArgs } from 'node:util';
import { evalSentences } from './sentences.ts';

const { values } = parseArgs({ options: { dir: { type: 'string', default: '../shared/eval/sentences' } } });
await evalSentences(values.dir);
