import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { PlanSchool } from '../../engine/ceremony/plan.ts';
import type { EventInfo } from '../contract/presentation.ts';
import { describeRefusal } from '../describe.ts';
import { readPlanFile } from '../plan-file.ts';
import { publicBase, resultsIndexUrl, resultUrl } from '../contract/public-links.ts';
import type { CeremonyService } from '../service.ts';
import { startController, type RunningController } from '../wiring.ts';
import { dataDirectory, parseCommandArgs, publicUrlFlag, wholeNumber } from './args.ts';
import { DEMO_DISTRICT, DEMO_STAGES } from './demo.ts';
import type { Io } from './io.ts';
import { openOrExplain } from './open.ts';

export const SERVE_USAGE =
  'sunshine serve [--data 目录 DIR] [--port N] [--host 地址 ADDRESS] [--demo] [--public-url 手机访问地址 URL]';
const DEFAULT_PORT = 8080;

export const SERVE_OPTIONS = `  --data 目录 DIR     仪式数据目录（环境变量 SUNSHINE_DATA，默认 ./data），仅本账户可读写
                      where the ceremony is stored (SUNSHINE_DATA, default ./data), private to this account
  --port N            端口（环境变量 PORT，默认 ${DEFAULT_PORT}）/ port (PORT, default ${DEFAULT_PORT})
  --host 地址 ADDRESS 只在该地址所在的网络接口上提供服务（环境变量 SUNSHINE_HOST）。默认：所有网络接口——
                      同一网络中的任何设备都能打开控制台、大屏和结果页（控制台封装后需要口令）。
                      --host 127.0.0.1 仅本机；--host 192.168.1.10（本机在会场局域网中的地址）仅该网络。
                      the network interface to answer on (SUNSHINE_HOST). Default: every network interface —
                      any device on those networks can open the console, the display and the result pages (the
                      console needs the passphrase after the seal). --host 127.0.0.1: this machine only;
                      --host 192.168.1.10 (this machine's address on the hall's LAN): that network only.
  --demo              在新数据目录中预置示例区县计划 / preload the demo district's plan on a fresh data directory
  --public-url URL    手机访问结果页的地址（大屏二维码）/ where phones reach the result pages (the display's QR codes)`;

/** The demo district's event, marked as a demonstration wherever it is shown. */
const DEMO_EVENT: EventInfo = {
  title: '信州区义务教育起始年级“阳光分班”现场会（演示）',
  district: '上饶市信州区（演示）',
  date: '2026-08-28',
  supervision: '监督电话 0793-0000000（演示） · 监督邮箱 demo@example.org',
  notary: '演示公证员',
};

/** Runs the controller until SIGINT or SIGTERM. */
export async function serveCommand(args: string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values } = parseCommandArgs(args, {
    data: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    demo: { type: 'boolean' },
    'public-url': { type: 'string' },
  });
  const port = wholeNumber(values.port ?? env['PORT'], '--port', 0) ?? DEFAULT_PORT;
  const host = values.host ?? env['SUNSHINE_HOST'] ?? null;
  const publicUrl = publicUrlFlag(values['public-url']);
  const dataDir = dataDirectory(values.data, env);
  const ceremony = openOrExplain(dataDir, io);
  if (ceremony === null) return 4;
  if (values.demo && ceremony.log.entryCount() === 0) {
    if (!(await preloadDemoPlan(ceremony.service, io))) return 3;
    ceremony.presentations.set({ ...ceremony.presentations.presentation, event: DEMO_EVENT });
  }
  // The displays' QR codes point there; without the flag, whatever the console last set stays.
  if (publicUrl !== undefined) ceremony.presentations.set({ ...ceremony.presentations.presentation, publicUrl });

  let running: RunningController;
  try {
    running = await startController(ceremony, port, { host });
  } catch (error) {
    ceremony.log.close();
    const reason = error instanceof Error ? error.message : String(error);
    const where = host === null ? `port ${port}` : `${host} port ${port}`;
    io.err(
      `无法在${host === null ? '' : ` ${host} 的`}端口 ${port} 启动：${reason}\ncannot listen on ${where}: ${reason}`,
    );
    return 2;
  }
  printAddresses(running, host, dataDir, io);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await running.close();
  return 0;
}

/** With --demo on a fresh data directory, the bundled district's primary and junior plans become the plan. */
async function preloadDemoPlan(service: CeremonyService, io: Io): Promise<boolean> {
  const schools: PlanSchool[] = [];
  for (const stage of DEMO_STAGES) {
    const file = `${DEMO_DISTRICT}${stage}/plan.csv`;
    const { plan } = await readPlanFile(file, await readFile(file));
    schools.push(...plan!.schools);
  }
  const result = await service.submit({ type: 'plan:set', plan: { schools } }, 'demo');
  if (!result.ok) io.err(describeRefusal(result.error));
  return result.ok;
}

/** Every address of this machine, or only `host`: the addresses others can reach the controller at. */
function printAddresses(running: RunningController, host: string | null, dataDir: string, io: Io): void {
  const everywhere = host === null || host === '0.0.0.0' || host === '::';
  const hosts = everywhere ? [...lanAddresses(), 'localhost'] : [host];
  const bases = hosts.map((found) => `http://${isIP(found) === 6 ? `[${found}]` : found}:${running.port}`);
  io.out(
    `阳光分班控制器已启动，端口 ${running.port} / Sunshine Class Draw controller listening on port ${running.port}`,
  );
  io.out(`开放范围 exposed:  ${exposure(host, everywhere)}`);
  io.out(`数据目录 data directory: ${dataDir}`);
  io.out(`控制台 console:  ${bases.map((base) => `${base}/console`).join('  ')}`);
  io.out(`大屏 display:    ${bases.map((base) => `${base}/display`).join('  ')}`);
  io.out(`状态 health:     ${bases[0]}/healthz`);
  if (running.service.state.seal === null) {
    // Shown here only: whoever reads this terminal may operate from another machine before the seal.
    const code = `${running.setupCode.slice(0, 4)} ${running.setupCode.slice(4)}`;
    io.out(`设置码 setup code: ${code}  （封装前，在其他电脑上打开控制台须输入此码；本机不需要）`);
    io.out(`                   (before the seal, a console on another computer needs it; this one does not)`);
  }
  // The addresses the display's QR codes carry: the public URL when one is set.
  const results = publicBase(running.presentations.presentation.publicUrl, bases[0]!);
  io.out(`结果页 results:  ${resultsIndexUrl(results)}`);
  for (const school of running.service.state.schools.filter((found) => found.status !== 'skipped')) {
    io.out(`结果页 results:  ${resultUrl(results, school.name)}  (${school.name})`);
  }
}

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((address) => address !== undefined && address.family === 'IPv4' && !address.internal)
    .map((address) => address!.address);
}

function exposure(host: string | null, everywhere: boolean): string {
  if (everywhere) {
    return (
      '所有网络接口：同一网络中的任何设备都能访问（--host 127.0.0.1 仅本机）/ ' +
      'every network interface: any device on these networks can connect (--host 127.0.0.1 for this machine only)'
    );
  }
  if (host === 'localhost' || host === '::1' || host!.startsWith('127.')) {
    return `仅本机 ${host} / this machine only (${host})`;
  }
  return `仅 ${host} 所在的网络 / only the network of ${host}`;
}
