/**
 * A real controller and a real Chromium showing the operator console at 1366×768, for the console's end-to-end tests.
 * Playwright drives Debian's Chromium (launched by the display harness: fresh profile under .tmp/, nothing
 * downloaded). Set CONSOLE_SCREENS=1 to keep a screenshot of each step in .tmp/console-screens/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_DISTRICT } from '../controller/cli/demo.ts';
import type { OperatorRequest, Snapshot } from '../controller/contract/protocol.ts';
import { toSnapshot } from '../controller/snapshot.ts';
import { openCeremony } from '../controller/ceremony.ts';
import { startController, type RunningController } from '../controller/wiring.ts';
import { asLanDevice, closeBrowser, launchBrowser } from './display-harness.ts';
import { FIXED_SERVICES, tempDataDir } from './support/demo-ceremony.ts';

export { asLanDevice, closeBrowser, launchBrowser };

export const LAPTOP = { width: 1366, height: 768 };
export const PRIMARY_DIR = join(DEMO_DISTRICT, 'primary');
/** The HoldButton asks for 1.5 s; a busy test machine may take longer to act on it. */
const HOLD_TIMEOUT_MS = 10_000;
const SCREENS_DIR = join('.tmp', 'console-screens');

export class ConsoleRig {
  private constructor(
    public controller: RunningController,
    readonly dataDir: string,
  ) {}

  static async start(): Promise<ConsoleRig> {
    const dataDir = tempDataDir();
    return new ConsoleRig(await startController(openCeremony(dataDir, FIXED_SERVICES), 0), dataDir);
  }

  get url(): string {
    return `http://127.0.0.1:${this.controller.port}/console/`;
  }

  /** What a console is told, straight from the controller's state. */
  get snapshot(): Snapshot {
    return toSnapshot(this.controller.service.state, 'hall');
  }

  /** Runs requests behind the console's back (to set a scene up quickly); a refusal fails loudly. */
  async submit(...requests: OperatorRequest[]): Promise<void> {
    for (const request of requests) {
      const result = await this.controller.service.submit(request, 'test');
      if (!result.ok) throw new Error(`${request.type} refused: ${result.error.zh}`);
    }
  }

  /** Stops the controller and starts it again on the same port and data, as after a power cut. */
  async restart(): Promise<void> {
    const { port } = this.controller;
    await this.controller.close();
    this.controller = await startController(openCeremony(this.dataDir, FIXED_SERVICES), port);
  }

  close(): Promise<void> {
    return this.controller.close();
  }
}

/** Script errors in any console page: a test fails on any, whatever else it checks. */
export const pageErrors: string[] = [];
/** Every socket.io frame the console pages sent, to check what reached the wire. */
export const sentFrames: string[] = [];

/**
 * Opens the console in a new tab at laptop size and waits for it to show the ceremony, or the gate that asks for the
 * passphrase or the setup code. `fromLan`: as a computer in the hall would, not the controller's own (`asLanDevice`).
 */
export async function openConsole(context: BrowserContext, url: string, fromLan = false): Promise<Page> {
  const page = await context.newPage();
  if (fromLan) await asLanDevice(page);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('websocket', (socket) => socket.on('framesent', (frame) => sentFrames.push(String(frame.payload))));
  await page.setViewportSize(LAPTOP);
  await page.goto(url);
  await page
    .getByRole('navigation', { name: '仪式步骤' })
    .or(page.getByLabel('操作口令'))
    .or(page.getByLabel(/^设置码/))
    .first()
    .waitFor();
  return page;
}

/**
 * Holds an irreversible action's button down with the keyboard: until it acts (the button goes away or waits for the
 * command), or, given `releaseAfterMs`, only that long.
 */
export async function hold(page: Page, label: string, releaseAfterMs?: number): Promise<void> {
  const button = await page.getByRole('button', { name: `按住确认：${label}` }).elementHandle();
  await button.focus();
  await page.keyboard.down('Space');
  if (releaseAfterMs === undefined) {
    await page.waitForFunction(
      (element) => !element.isConnected || (element instanceof HTMLButtonElement && element.disabled),
      button,
      {
        timeout: HOLD_TIMEOUT_MS,
      },
    );
  } else {
    await page.waitForTimeout(releaseAfterMs);
  }
  await page.keyboard.up('Space');
}

/** Resolves once the controller's state satisfies `done` (the console's command has been run). */
export async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  for (let waited = 0; !check(); waited += 20) {
    if (waited > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env['CONSOLE_SCREENS'] === undefined) return;
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`) });
}
