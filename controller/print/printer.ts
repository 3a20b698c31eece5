/**
 * Chromium as the printing press: HTML in, PDF or PNG out, through playwright-core driving the browser already on the
 * machine (`chromium.ts`). One browser serves a whole batch; each document gets its own tab.
 */
import { PDFDocument } from 'pdf-lib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export class Printer {
  private constructor(
    private readonly browser: Browser,
    private readonly context: BrowserContext,
  ) {}

  /** Starts the browser at `executablePath` headless, with a throw-away profile and no network at all. */
  static async launch(executablePath: string): Promise<Printer> {
    const browser = await chromium.launch({
      executablePath,
      headless: true,
      // Chromium's sandbox cannot start as root (a kiosk or container set-up); as any other user it stays on.
      args: ['--disable-gpu', '--no-first-run', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    });
    const context = await browser.newContext();
    // Documents carry their fonts and images inline: any request would be a mistake, and the hall is offline anyway.
    await context.route('**/*', (route) => route.abort());
    return new Printer(browser, context);
  }

  /** Each HTML document printed on its own (so its pages are numbered on their own), then bound into one PDF. */
  async pdf(documents: readonly string[]): Promise<Uint8Array> {
    const parts = await Promise.all(
      documents.map((html) =>
        this.withPage(html, null, (page) => page.pdf({ preferCSSPageSize: true, printBackground: true })),
      ),
    );
    if (parts.length === 1) return new Uint8Array(parts[0]!);
    const bound = await PDFDocument.create();
    for (const part of parts) {
      const source = await PDFDocument.load(part);
      for (const page of await bound.copyPages(source, source.getPageIndices())) bound.addPage(page);
    }
    // Plain objects rather than object streams: every PDF reader and printer driver, old ones too, opens the file.
    return bound.save({ useObjectStreams: false });
  }

  /** The whole page as a PNG `width` CSS pixels wide, at one device pixel per CSS pixel. */
  async png(html: string, width: number): Promise<Uint8Array> {
    return this.withPage(
      html,
      width,
      async (page) => new Uint8Array(await page.screenshot({ fullPage: true, type: 'png' })),
    );
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  /** Opens `html` in a new tab (`width` CSS pixels wide when given), fonts loaded, for `use`; then closes the tab. */
  private async withPage<T>(html: string, width: number | null, use: (page: Page) => Promise<T>): Promise<T> {
    const page = await this.context.newPage();
    try {
      if (width !== null) await page.setViewportSize({ width, height: 800 });
      await page.setContent(html, { waitUntil: 'load' });
      // Every inlined face loaded before printing: a face the body does not use yet (a footer-only character)
      // would otherwise still be loading when the page-margin boxes are drawn, and print as nothing.
      await page.evaluate(async () => {
        const loading: Promise<FontFace>[] = [];
        document.fonts.forEach((face) => loading.push(face.load()));
        await Promise.all(loading);
      });
      return await use(page);
    } finally {
      await page.close();
    }
  }
}
