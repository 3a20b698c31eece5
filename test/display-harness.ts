/**
 * A real controller and a real Chromium showing its display, for the display's end-to-end tests, its screenshot
 * script and its frame-time benchmark. Playwright drives Debian's own Chromium; no browser is ever downloaded.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { EventInfo, PresentationChange } from '../controller/contract/presentation.ts';
import type { OperatorRequest } from '../controller/contract/protocol.ts';
import { openCeremony } from '../controller/ceremony.ts';
import { startController, type RunningController } from '../controller/wiring.ts';
import type { PlanSchool } from '../engine/ceremony/plan.ts';
import type { Roster } from '../engine/roster.ts';
import { connect, type Client } from './support/client.ts';
import { FIXED_SERVICES, PASSPHRASE, tempDataDir } from './support/demo-ceremony.ts';
import { syntheticRoster } from './support/synthetic-roster.ts';

export const DISPLAY_EVENT: EventInfo = {
  title: '信州区2024年义务教育起始年级“阳光分班”现场会',
  district: '上饶市信州区教育体育局',
  date: '2024-08-28',
  supervision: '监督电话 0793-0000000（测试） · 监督邮箱 supervision@example.org',
  notary: '上饶市信州公证处 王建平',
};

export const CONTRIBUTION = '20240828';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

export const FULL_HD: Viewport = { width: 1920, height: 1080 };

const profiles = new WeakMap<BrowserContext, string>();

/** Opens Chromium with a fresh profile under .tmp/ (never the user's, never shared); close it with closeBrowser. */
export async function launchBrowser(): Promise<BrowserContext> {
  mkdirSync('.tmp', { recursive: true });
  const profile = mkdtempSync(join('.tmp', 'display-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: FULL_HD,
  });
  profiles.set(context, profile);
  return context;
}

/** Closes Chromium, then removes its profile (retrying while the exiting browser still flushes files into it). */
export async function closeBrowser(context: BrowserContext): Promise<void> {
  await context.close();
  const profile = profiles.get(context);
  if (profile !== undefined) rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
}

/** A school made for the display tests: a generated roster as the CSV file a bureau would send, and its plan row. */
export interface TestSchool {
  readonly plan: PlanSchool;
  readonly roster: Roster;
  readonly file: { readonly fileName: string; readonly content: Uint8Array };
}

export function testSchool(name: string, students: number, classes: number, withScores = true): TestSchool {
  return schoolOf(name, syntheticRoster({ students, withScores, label: `display/${name}` }), classes);
}

/** The school with its first two students made twins (same family name, same group), whatever the roster had. */
export function withTwins(school: TestSchool): TestSchool {
  const [first, second, ...rest] = school.roster.students;
  if (first === undefined || second === undefined) throw new Error('twins need two students');
  const twins = [first, { ...second, name: [...first.name][0]! + [...second.name].slice(1).join('') }].map(
    (student) => ({ ...student, siblingGroup: 'TWINS' }),
  );
  return schoolOf(school.plan.name, { ...school.roster, students: [...twins, ...rest] }, school.plan.classes);
}

/** Compound surnames: with a two-character given name they make the longest names a roster usually has. */
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '慕容', '令狐'];

/**
 * The school under another name and with every student's name four characters long (a compound surname and a
 * two-character given name), the longest a display must fit.
 */
export function withLongNames(school: TestSchool, name: string): TestSchool {
  const students = school.roster.students.map((student, index) => {
    const given = [...student.name].slice(1);
    const twoCharacters = given.length >= 2 ? given.slice(-2) : [...given, ...given];
    return { ...student, name: COMPOUND_SURNAMES[index % COMPOUND_SURNAMES.length]! + twoCharacters.join('') };
  });
  return schoolOf(name, { ...school.roster, students }, school.plan.classes);
}

function schoolOf(name: string, roster: Roster, classes: number): TestSchool {
  const students = roster.students.length;
  const withScores = roster.subjects.length > 0;
  const boys = roster.students.filter((student) => student.gender === 'M').length;
  return {
    plan: {
      name,
      stage: withScores ? 'junior' : 'primary',
      classes,
      cap: withScores ? 50 : 45,
      students,
      boys,
      girls: students - boys,
      multiples: roster.students.filter((student) => student.siblingGroup !== null).length,
      capOverrideReason: null,
    },
    roster,
    file: { fileName: `${name}.csv`, content: new TextEncoder().encode(rosterCsv(roster)) },
  };
}

function rosterCsv(roster: Roster): string {
  const header = ['序号', '学籍号', '姓名', '性别', '出生日期', '多胞胎组', '毕业学校', ...roster.subjects];
  const rows = roster.students.map((student, index) =>
    [
      index + 1,
      student.id,
      student.name,
      student.gender === 'M' ? '男' : '女',
      student.birthDate ?? '',
      student.siblingGroup ?? '',
      student.sourceSchool ?? '',
      ...student.scores.map((score) => score ?? ''),
    ].join(','),
  );
  return [header.join(','), ...rows].join('\n');
}

/** A controller on a free port over a temporary data directory, with the operator console connected. */
export class Rig {
  private constructor(
    private controller: RunningController,
    readonly dataDir: string,
    public operator: Client,
  ) {}

  static async start(): Promise<Rig> {
    const dataDir = tempDataDir();
    const controller = await startController(openCeremony(dataDir, FIXED_SERVICES), 0);
    const operator = await connect(controller.port, { role: 'console' });
    const rig = new Rig(controller, dataDir, operator);
    await rig.present({ event: DISPLAY_EVENT });
    return rig;
  }

  get port(): number {
    return this.controller.port;
  }

  get displayUrl(): string {
    return `http://127.0.0.1:${this.port}/display/`;
  }

  /** Runs an operator request; a refusal fails loudly, it is never what a display test expects. */
  async run(request: OperatorRequest): Promise<void> {
    const reply = await this.operator.socket.emitWithAck('command:run', request);
    if (!reply.ok) {
      const details = reply.error.details.map((detail) => detail.zh).join('；');
      throw new Error(`${request.type} refused: ${reply.error.zh} ${details}`);
    }
  }

  async present(change: PresentationChange): Promise<void> {
    const reply = await this.operator.socket.emitWithAck('presentation:set', change);
    if (!reply.ok) throw new Error(`presentation refused: ${reply.error.zh}`);
  }

  /** Plan, seal and preview for these schools. */
  async sealAndPreview(schools: readonly TestSchool[]): Promise<void> {
    await this.run({ type: 'plan:set', plan: { schools: schools.map((school) => school.plan) } });
    await this.run({ type: 'ceremony:seal', passphrase: PASSPHRASE });
    await this.run({ type: 'ceremony:preview' });
  }

  async importSchool(school: TestSchool, acceptMismatchReason: string | null = null): Promise<void> {
    await this.run({ type: 'school:import', school: school.plan.name, ...school.file, acceptMismatchReason });
  }

  async drawSchool(school: TestSchool): Promise<void> {
    await this.run({ type: 'school:draw', school: school.plan.name, contribution: CONTRIBUTION });
  }

  /** Stops the controller and starts it again on the same port and data, as after a crash or a power cut. */
  async restart(downMs = 0): Promise<void> {
    const { port } = this.controller;
    this.operator.socket.close();
    await this.controller.close();
    await new Promise((resolve) => setTimeout(resolve, downMs));
    this.controller = await startController(openCeremony(this.dataDir, FIXED_SERVICES), port);
    this.operator = await connect(port, { role: 'console', passphrase: PASSPHRASE });
  }

  async close(): Promise<void> {
    this.operator.socket.close();
    await this.controller.close();
  }
}

/**
 * Makes a page look like a device elsewhere on the LAN to the controller: every request it sends, the websocket's
 * included, says it was forwarded for another address, and the controller takes a forwarded connection for another
 * machine's (a browser cannot choose the address it connects from; the socket tests connect from 127.0.0.2).
 */
export async function asLanDevice(page: Page): Promise<void> {
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': '192.0.2.10' });
}

/**
 * Opens the display in a new tab and waits until it shows a scene; optionally as a reduced-motion system would, or
 * on a machine whose clock is `clockAheadMs` ahead of the controller's.
 */
export async function openDisplay(
  context: BrowserContext,
  url: string,
  viewport: Viewport = FULL_HD,
  reducedMotion = false,
  clockAheadMs = 0,
): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  if (reducedMotion) await page.emulateMedia({ reducedMotion: 'reduce' });
  if (clockAheadMs !== 0) {
    // Both ways a page reads the time, `Date.now()` and `new Date()`, as on a laptop whose clock is wrong.
    await page.addInitScript((ahead) => {
      const machineNow = Date.now.bind(Date);
      const shiftedNow = () => machineNow() + ahead;
      globalThis.Date = new Proxy(Date, {
        construct: (machineDate, args) =>
          args.length === 0 ? new machineDate(shiftedNow()) : (Reflect.construct(machineDate, args) as Date),
        get: (machineDate, key): unknown => (key === 'now' ? shiftedNow : Reflect.get(machineDate, key)),
      });
    }, clockAheadMs);
  }
  await page.goto(url);
  await page.waitForSelector('[data-testid^="scene-"]');
  return page;
}
