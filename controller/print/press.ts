/**
 * Printing for a long-running controller: one Chromium, started at the first job and kept for the next ones until
 * closed. A machine without a browser gets `BrowserMissing`, which says how to install one.
 */
import type { ChromiumSearch } from './chromium.ts';
import { render, type PrintJob } from './documents.ts';
import { Printer } from './printer.ts';

export interface PrintingPress {
  print(job: PrintJob): Promise<Uint8Array>;
  close(): Promise<void>;
}

export class BrowserMissing extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'BrowserMissing';
  }
}

export function chromiumPress(find: () => ChromiumSearch): PrintingPress {
  let printer: Promise<Printer> | null = null;
  const start = (): Promise<Printer> => {
    if (printer === null) {
      const search = find();
      if (!search.found) return Promise.reject(new BrowserMissing(search.zh, search.en));
      const launching = Printer.launch(search.path);
      // A browser that failed to start is tried again on the next job.
      void launching.catch(() => {
        if (printer === launching) printer = null;
      });
      printer = launching;
    }
    return printer;
  };
  return {
    print: async (job) => render(await start(), job),
    close: async () => {
      const started = printer;
      printer = null;
      if (started !== null) await (await started.catch(() => null))?.close();
    },
  };
}
