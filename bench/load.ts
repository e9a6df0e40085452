// `npm run bench:load`: how the server holds up under many clients at once. A fresh database gets what a first
// `npm start` loads (the registry, the bundled GCDF 3.0 LAC records and the samples): the server is `puente start`
// itself, in its own process, so the load generator here does not share its event loop. Then, for each target,
// `--connections` clients (default 200, on keep-alive sockets of their own) send requests back to back
// for `--seconds` (default 20): each waits for the whole answer, or gives up after `--timeout` ms (default 10,000)
// and counts a client timeout. Named baseline in the same run: `GET /api/v1/health` under the same load.
// Targets: search (a few queries in turn) and projects.csv, each with one more client asking for health, one
// request after another (does a light route still answer?); each again with clients that wait as a 503's
// Retry-After asks (those of the first runs send again at once); projects.csv revalidated with If-None-Match
// (304s where ETags exist).
// Before each target the bench waits for the server to be idle (a client that gave up leaves its request running
// there). Reported per target: requests answered, 200/304, 503, other errors, client timeouts, p50 and p99 latency
// of the answered requests, and the server's peak RSS (from /proc).
// `--compare DIR` measures a second checkout in the same run (its own server and database), target by target
// in turn with this one, so that both meet the same machine: point it at an export of main for a before figure.
// Options: --backend sqlite|postgres (a throwaway cluster, as the tests start), --root DIR (the checkout measured,
// default this one), --compare DIR, --seconds, --connections, --timeout; any other argument goes to
// `puente start` of the root (e.g. --max-downloads 8).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import pg from 'pg';
import { repoRoot } from '../src/reference/paths.js';
import { findPostgresBin, startCluster, type Cluster } from '../test/helpers/postgres-cluster.js';

const args = process.argv.slice(2);
const own = new Set(['--backend', '--root', '--compare', '--seconds', '--connections', '--timeout']);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const passOn = args.filter((a, i) => !own.has(a) && !own.has(args[i - 1] ?? ''));
const backend = option('--backend', 'sqlite');
const roots = [
  resolve(option('--root', repoRoot)),
  ...(args.includes('--compare') ? [resolve(option('--compare', ''))] : []),
];
const seconds = Number(option('--seconds', '20'));
const connections = Number(option('--connections', '200'));
const timeoutMs = Number(option('--timeout', '10000'));
if (!['sqlite', 'postgres'].includes(backend)) throw new Error('--backend is sqlite or postgres');
for (const [name, n] of [
  ['--seconds', seconds],
  ['--connections', connections],
  ['--timeout', timeoutMs],
] as const)
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} takes a positive whole number`);

const dir = mkdtempSync(join(tmpdir(), 'puente-bench-load-'));
let cluster: Cluster | undefined;
if (backend === 'postgres') {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL server binaries not found (apt-get install postgresql)');
  cluster = await startCluster(bin);
}

/** A server under test: its process, port and name in the table. */
interface Server {
  name: string;
  child: ChildProcess;
  port: number;
}

/** The environment of the i-th server: its own SQLite file, or its own PostgreSQL database. */
async function envFor(i: number): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = { ...process.env, PUENTE_DB: join(dir, `load-${i}.db`) };
  delete env.DATABASE_URL;
  if (cluster) {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query(`create database load_${i}`);
    await admin.end();
    env.DATABASE_URL = cluster.url.replace(/\/postgres$/, `/load_${i}`);
  }
  return env;
}

/** Starts `puente start` from a root and resolves once it says it is serving. */
async function startPuente(root: string, i: number): Promise<Server> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [join(root, 'bin', 'puente.js'), 'start', '--port', '0', ...(i === 0 ? passOn : [])],
    // Its stderr is shown only if it fails to start (old servers log the requests cut by their shutdown).
    { cwd: root, env: await envFor(i), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const port = await new Promise<number>((done, fail) => {
    let out = '';
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /serving on http:\/\/localhost:(\d+)/.exec(out);
      if (found) done(Number(found[1]));
    });
    child.once('exit', (code) => fail(new Error(`puente start exited (${code}):\n${out}`)));
  });
  const name = roots.length > 1 ? basename(root) : '';
  console.log(
    `server ${name || root}: ${root} (pid ${child.pid}), ${backend}, ready in ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s (import and samples included)`,
  );
  return { name, child, port };
}

type Outcome = { status: number; ms: number; retryAfter: number } | 'timeout' | 'error';

/** One GET, its whole answer read; 'timeout' past the client timeout, 'error' when the connection failed. */
function get(
  server: Server,
  agent: http.Agent,
  path: string,
  headers: Record<string, string> = {},
): Promise<Outcome> {
  const started = performance.now();
  return new Promise((done) => {
    const request = http.get({ host: '127.0.0.1', port: server.port, path, agent, headers }, (res) => {
      res.on('data', () => undefined);
      res.once('end', () => {
        clearTimeout(timer);
        const retryAfter = Number(res.headers['retry-after'] ?? 0) || 0;
        done({ status: res.statusCode ?? 0, ms: performance.now() - started, retryAfter });
      });
      res.once('error', () => (clearTimeout(timer), done('error')));
    });
    const timer = setTimeout(() => {
      request.destroy();
      done('timeout');
    }, timeoutMs);
    request.once('error', () => (clearTimeout(timer), done('error')));
  });
}

/** A line of /proc/PID/status or stat of the server, or null. */
function proc(server: Server, file: 'status' | 'stat'): string | null {
  try {
    return readFileSync(`/proc/${server.child.pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

/** The server's resident memory in MiB (Linux), or NaN. */
function serverRss(server: Server): number {
  const kb = /VmRSS:\s+(\d+)/.exec(proc(server, 'status') ?? '')?.[1];
  return kb ? Number(kb) / 1024 : NaN;
}

/** The server's CPU time so far, in clock ticks (Linux), or NaN. */
function serverCpu(server: Server): number {
  const fields = (proc(server, 'stat') ?? '').split(') ')[1]?.split(' ') ?? [];
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * Waits until every server is idle (each under 5% of a core over half a second, at most 2 minutes): requests
 * the clients gave up on may still be running in one, and would weigh on the next target of either.
 */
async function settle(): Promise<void> {
  const until = performance.now() + 120_000;
  let before = servers.map(serverCpu);
  while (performance.now() < until) {
    await new Promise((done) => setTimeout(done, 500));
    const now = servers.map(serverCpu);
    if (now.every((n, i) => !(n - (before[i] ?? NaN) > 2.5))) return;
    before = now;
  }
}

interface Tally {
  outcomes: Outcome[];
  rssPeak: number;
}

/** What clients of a load send, and whether they wait as a 503's Retry-After asks before their next request. */
interface Load {
  clients: number;
  paths: () => string;
  headers?: Record<string, string>;
  polite?: boolean;
}

/**
 * A keep-alive agent of one socket per client, connected beforehand (a health request on each), so that neither
 * a wait for a free socket nor a connection's setup counts in a load's figures.
 */
async function connected(server: Server, clients: number): Promise<http.Agent> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  await Promise.all(Array.from({ length: clients }, () => get(server, agent, '/api/v1/health')));
  return agent;
}

/** The load's clients, each sending the paths in turn until the time is up; in-flight requests are waited for. */
function load(server: Server, agent: http.Agent, { clients, paths, headers = {}, polite = false }: Load) {
  const end = performance.now() + seconds * 1000;
  const outcomes: Outcome[] = [];
  const loop = async () => {
    while (performance.now() < end) {
      const outcome = await get(server, agent, paths(), headers);
      outcomes.push(outcome);
      const wait = polite && typeof outcome === 'object' ? outcome.retryAfter * 1000 : 0;
      if (wait > 0) await new Promise((done) => setTimeout(done, Math.min(wait, end - performance.now())));
    }
  };
  const running = Promise.all(Array.from({ length: clients }, loop)).finally(() => agent.destroy());
  return { outcomes, running };
}

/** Runs loads at once on one server, sampling its memory; one tally per load. */
async function measure(server: Server, loads: Load[]): Promise<Tally[]> {
  await settle();
  const agents = await Promise.all(loads.map((l) => connected(server, l.clients)));
  let rssPeak = serverRss(server);
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, serverRss(server))), 100);
  const running = loads.map((l, i) => load(server, agents[i] ?? new http.Agent(), l));
  await Promise.all(running.map((r) => r.running));
  clearInterval(sampler);
  return running.map((r) => ({ outcomes: r.outcomes, rssPeak }));
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN);

const columns = ['target', 'answered', '200/304', '503', 'errors', 'timeouts', 'p50 ms', 'p99 ms', 'RSS MiB'];
const widths = [46, 8, 7, 6, 6, 8, 6, 6, 7];
/** A Markdown table line: the first cell left-aligned, the others right-aligned. */
const line = (cells: (string | number)[]) =>
  `| ${cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i] ?? 0) : String(c).padStart(widths[i] ?? 0))).join(' | ')} |`;

function row(name: string, { outcomes, rssPeak }: Tally): string {
  const answered = outcomes.filter((o): o is Exclude<Outcome, string> => typeof o === 'object');
  const ms = answered.map((o) => o.ms).sort((a, b) => a - b);
  const ok = answered.filter((o) => o.status === 200 || o.status === 304).length;
  const busy = answered.filter((o) => o.status === 503).length;
  const errors = answered.length - ok - busy + outcomes.filter((o) => o === 'error').length;
  const timeouts = outcomes.filter((o) => o === 'timeout').length;
  return line([
    name,
    answered.length,
    ok,
    busy,
    errors,
    timeouts,
    percentile(ms, 50).toFixed(0),
    percentile(ms, 99).toFixed(0),
    rssPeak.toFixed(0),
  ]);
}

const searches = ['china', 'lima', 'puerto', 'energy', 'banco desarrollo', 'hidroeléctrica'];
let turn = 0;
const nextSearch = () => `/api/v1/search?q=${encodeURIComponent(searches[turn++ % searches.length] ?? '')}`;
const csv = () => '/api/v1/projects.csv';

/** The If-None-Match header for a tag, or none when the server sent no ETag. */
const revalidation = (tag: string | undefined): Record<string, string> =>
  tag ? { 'If-None-Match': tag } : {};

const servers: Server[] = [];
try {
  for (const [i, root] of roots.entries()) servers.push(await startPuente(root, i));
  console.log(`${connections} connections, ${seconds} s per target, client timeout ${timeoutMs} ms`);
  const tags = new Map<Server, string>();
  for (const server of servers) {
    // Warm-up: the first project read recomputes views; caches and statements fill.
    for (const path of ['/api/v1/health', csv(), nextSearch(), '/api/v1/projects?limit=5'])
      await fetch(`http://127.0.0.1:${server.port}${path}`).then((r) => r.arrayBuffer());
    const res = await fetch(`http://127.0.0.1:${server.port}${csv()}`);
    await res.arrayBuffer();
    tags.set(server, res.headers.get('etag') ?? '');
  }
  const health = () => '/api/v1/health';
  const targets: [string, (s: Server) => Load[]][] = [
    ['baseline: /api/v1/health', () => [{ clients: connections, paths: health }]],
    [
      `/api/v1/search (${searches.length} queries), with a health probe`,
      () => [
        { clients: connections, paths: nextSearch },
        { clients: 1, paths: health },
      ],
    ],
    [
      'search, clients honouring Retry-After',
      () => [{ clients: connections, paths: nextSearch, polite: true }],
    ],
    [
      'projects.csv, with a health probe',
      () => [
        { clients: connections, paths: csv },
        { clients: 1, paths: health },
      ],
    ],
    [
      'projects.csv, clients honouring Retry-After',
      () => [{ clients: connections, paths: csv, polite: true }],
    ],
    [
      'projects.csv, If-None-Match',
      (s) => [
        {
          clients: connections,
          paths: csv,
          headers: revalidation(tags.get(s)),
        },
      ],
    ],
  ];
  console.log(`\n${line(columns)}`);
  console.log(line(widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`))));
  for (const [name, loads] of targets)
    for (const server of servers) {
      const prefix = server.name ? `${server.name}: ` : '';
      const suffix = name.includes('If-None-Match') && !tags.get(server) ? ' (no ETag)' : '';
      const [main, probe] = await measure(server, loads(server));
      if (main) console.log(row(`${prefix}${name}${suffix}`, main));
      if (probe) console.log(row(`${prefix}  the probe: /api/v1/health`, probe));
    }
} finally {
  for (const server of servers) {
    if (server.child.exitCode !== null) continue;
    const exited = new Promise((done) => server.child.once('exit', done));
    server.child.kill('SIGTERM');
    await exited;
  }
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
}
