/**
 * Result pages under load, on loopback: `npm run bench:pages [-- seconds]` (default 10 per run).
 * Runs the demo district's junior ceremony (drawn, published, closed), starts the real controller (`sunshine serve`,
 * its own process), and loads the largest school's page with autocannon at 200 connections; then exports the static
 * site and loads the same page from nginx, the ceiling a plain web server reaches on this machine. Prints requests/s,
 * p99 latency, both, and the ratio. Target: the controller at ≥ 50% of nginx's throughput, p99 < 50 ms.
 * Both are asked without Accept-Encoding, so both send the same uncompressed bytes.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { resultPagePath } from '../controller/contract/public-links.ts';
import { tempDataDir } from '../test/support/demo-ceremony.ts';
import { startServer, stopServers } from '../test/support/server-process.ts';
import { juniorCeremony, sunshine } from '../test/support/sunshine-cli.ts';

const SECONDS = Number(process.argv[2] ?? 10);
const CONNECTIONS = 200;
const SCHOOL = '上饶市第三中学';
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 50;

interface Figures {
  readonly requestsPerSecond: number;
  readonly p99: number;
  readonly failures: number;
}

async function load(url: string, seconds: number): Promise<Figures> {
  // As every phone browser does: both servers then send their gzip copy of the page, made in advance.
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'accept-encoding': 'gzip' },
  });
  return {
    requestsPerSecond: result.requests.average,
    p99: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

/** A warm-up (JIT, page cache), then the measured run. */
async function measure(name: string, url: string): Promise<Figures> {
  const page = await fetch(url);
  if (page.status !== 200) throw new Error(`${name}: ${url} answered ${page.status}`);
  const bytes = (await page.arrayBuffer()).byteLength;
  await load(url, 2);
  const figures = await load(url, SECONDS);
  console.log(
    `${name.padEnd(22)} ${figures.requestsPerSecond.toFixed(0).padStart(7)} req/s   p99 ${String(figures.p99).padStart(4)} ms` +
      `   ${(bytes / 1024).toFixed(1)} KiB/page   failures ${figures.failures}`,
  );
  return figures;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function untilAnswers(url: string): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 100) {
    if ((await fetch(url).catch(() => null))?.ok === true) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nothing answers at ${url}`);
}

/** nginx serving `root` on a loopback port, as this user, with everything it writes in `dir`. */
async function startNginx(root: string, dir: string): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const temp = (name: string) => `${name}_temp_path ${join(dir, name)};`;
  const config = join(dir, 'nginx.conf');
  writeFileSync(
    config,
    `worker_processes auto;
daemon off;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
${process.getuid?.() === 0 ? 'user root;' : ''}
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  sendfile on;
  gzip_static on;
  tcp_nopush on;
  keepalive_requests 1000000;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  server {
    listen 127.0.0.1:${port};
    root ${root};
    index index.html;
  }
}
`,
  );
  const child = spawn('nginx', ['-p', dir, '-c', config], { stdio: 'inherit' });
  const base = `http://127.0.0.1:${port}`;
  await untilAnswers(`${base}/r/`);
  return { child, base };
}

function nginxOnPath(): boolean {
  return spawnSync('nginx', ['-v'], { stdio: 'ignore' }).status === 0;
}

const work = tempDataDir();
const data = join(work, 'data');
const site = join(work, 'site');
/** Both servers share this machine's cores with the load generator (and anything else running): say how busy it is. */
const machineLoad = () => `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`;
console.log(`Result pages under load: ${CONNECTIONS} connections, ${SECONDS} s per run, loopback (${work})`);
console.log(`before: ${machineLoad()}`);

const ceremony = await juniorCeremony(data, '--contribution', '20260820');
if (ceremony.code !== 0) throw new Error(`the demo ceremony failed: ${ceremony.stderr}`);

const controller = startServer(data);
const port = await controller.port;
if (port === null) throw new Error(`the controller did not start: ${controller.output()}`);
let served: Figures;
try {
  served = await measure('controller /r/<学校>', `http://127.0.0.1:${port}${resultPagePath(SCHOOL)}`);
} finally {
  stopServers();
}

const started = performance.now();
const exported = await sunshine('export', 'site', '--data', data, '--out', site);
if (exported.code !== 0) throw new Error(`the export failed: ${exported.stderr}`);
console.log(`static export of the district: ${((performance.now() - started) / 1000).toFixed(1)} s`);

if (!nginxOnPath()) {
  console.log(
    'nginx 不在 PATH 中：未测量上限（apt-get install -y nginx 后重试）\n' +
      'nginx is not on PATH: the ceiling was not measured (install it with `apt-get install -y nginx`, then rerun)',
  );
} else {
  // nginx's workers must be able to read the site wherever they run as.
  for (const dir of [work, site]) chmodSync(dir, 0o755);
  const nginxDir = join(work, 'nginx');
  mkdirSync(nginxDir);
  const nginx = await startNginx(site, nginxDir);
  let ceiling: Figures;
  try {
    ceiling = await measure('nginx static export', `${nginx.base}${resultPagePath(SCHOOL)}/`);
  } finally {
    nginx.child.kill('SIGTERM');
  }
  const ratio = served.requestsPerSecond / ceiling.requestsPerSecond;
  const meets = ratio >= TARGET_RATIO && served.p99 < TARGET_P99_MS;
  console.log(
    `controller / nginx: ${(ratio * 100).toFixed(0)}% of the throughput; controller p99 ${served.p99} ms ` +
      `(target ≥ ${TARGET_RATIO * 100}%, p99 < ${TARGET_P99_MS} ms: ${meets ? 'met' : 'NOT met'})`,
  );
}
console.log(`after: ${machineLoad()}`);
rmSync(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
