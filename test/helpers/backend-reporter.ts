import type { Reporter, TestModule } from 'vitest/node';

/** Prints how many tests ran on each storage backend, so a skipped PostgreSQL run cannot go unnoticed. */
export default class BackendReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const counts: Record<string, Record<string, number>> = { sqlite: {}, postgres: {} };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const backend = /\[(sqlite|postgres)\]/.exec(test.fullName)?.[1];
        if (!backend) continue;
        const state = test.result().state;
        const bucket = counts[backend] ?? {};
        bucket[state] = (bucket[state] ?? 0) + 1;
        counts[backend] = bucket;
      }
    }
    const line = (name: string) => {
      const c = counts[name] ?? {};
      return `${name}: ${c.passed ?? 0} passed, ${c.failed ?? 0} failed, ${c.skipped ?? 0} skipped`;
    };
    console.log(
      `\nTests on a database backend (store, API and CLI): ${line('sqlite')}; ${line('postgres')}\n`,
    );
  }
}
