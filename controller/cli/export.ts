/** `sunshine export <what>`: each kind of export is its own command, listed here once. */
import { UsageError } from './args.ts';
import { EXPORT_BUNDLE_USAGE, exportBundleCommand } from './bundle.ts';
import type { Io } from './io.ts';
import {
  EXPORT_CSV_USAGE,
  EXPORT_EXCEL_USAGE,
  EXPORT_MEDIA_USAGE,
  EXPORT_PRINT_USAGE,
  exportCsvCommand,
  exportExcelCommand,
  exportMediaCommand,
  exportPrintCommand,
} from './print.ts';
import { EXPORT_SITE_USAGE, exportSiteCommand } from './site.ts';

interface Exporter {
  readonly usage: string;
  readonly run: (args: string[], io: Io, env: NodeJS.ProcessEnv) => Promise<number>;
}

const EXPORTERS: Readonly<Record<string, Exporter>> = {
  bundle: { usage: EXPORT_BUNDLE_USAGE, run: exportBundleCommand },
  print: { usage: EXPORT_PRINT_USAGE, run: exportPrintCommand },
  media: { usage: EXPORT_MEDIA_USAGE, run: exportMediaCommand },
  excel: { usage: EXPORT_EXCEL_USAGE, run: exportExcelCommand },
  csv: { usage: EXPORT_CSV_USAGE, run: exportCsvCommand },
  site: { usage: EXPORT_SITE_USAGE, run: exportSiteCommand },
};

export const EXPORT_USAGE = Object.values(EXPORTERS)
  .map((exporter) => exporter.usage)
  .join('\n  ');

export async function exportCommand(args: string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [what, ...rest] = args;
  const exporter = what === undefined ? undefined : EXPORTERS[what];
  if (exporter === undefined) throw new UsageError(`用法：\n  ${EXPORT_USAGE}`, `usage:\n  ${EXPORT_USAGE}`);
  return exporter.run(rest, io, env);
}
