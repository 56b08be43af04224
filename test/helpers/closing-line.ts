/**
 * A vitest reporter that ends the run with one plain line, `N passed, N failed, N skipped`,
 * the closing line CI reads to tell a run that tested something from one that tested nothing.
 * Vitest's own summary is coloured and laid out for people; this line is for machines. Use it
 * after the default reporter: `vitest run --reporter=default --reporter=./test/helpers/closing-line.ts`.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class ClosingLine implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const count = { passed: 0, failed: 0, skipped: 0 };
    for (const mod of modules) {
      // A file that failed to load has no tests to count, yet the run failed.
      if (mod.state() === 'failed' && [...mod.children.allTests()].length === 0) count.failed++;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') count.passed++;
        else if (state === 'failed') count.failed++;
        else count.skipped++;
      }
    }
    process.stdout.write(`\n${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`);
  }
}
