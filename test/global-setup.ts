import type { TestProject } from 'vitest/node';
import { buildWebApp, webBuildIsStale } from '../src/cli/web-build.js';
import { findPostgresBin, startCluster, type Cluster } from './helpers/postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** superuser URL of the throwaway PostgreSQL cluster, or '' when PostgreSQL is not installed */
    postgresUrl: string;
  }
}

let cluster: Cluster | undefined;

/** Before all tests: build the web app if stale, and start a throwaway PostgreSQL cluster. */
export async function setup(project: TestProject) {
  if (webBuildIsStale()) await buildWebApp();
  const bin = findPostgresBin();
  if (!bin) {
    // On CI a missing server is a failure, not a reason to skip half the store tests.
    if (process.env.CI)
      throw new Error('PostgreSQL server binaries not found; .ci/run installs the postgresql package');
    console.warn('PostgreSQL not installed: the [postgres] tests are skipped (apt-get install postgresql)');
    project.provide('postgresUrl', '');
    return;
  }
  cluster = await startCluster(bin);
  project.provide('postgresUrl', cluster.url);
}

/** After all tests: stop the cluster and remove its folder. */
export function teardown() {
  cluster?.stop();
}
