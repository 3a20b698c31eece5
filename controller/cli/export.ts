/** `sunshine export <what>`: each kind of export is its own command, listed here once. */
import { UsageError } from './args.ts';
import { EXPORT_BUNDLE_USAGE, exportBundleCommand } from './bundle.ts';
import { describeCommand, type Command, type Io } from './io.ts';
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

/** In the order of the ceremony: what can be exported first comes first. Each says what it writes and when it can. */
export const EXPORTERS: Readonly<Record<string, Command>> = {
  print: {
    usage: EXPORT_PRINT_USAGE,
    lines: [
      '打印文件（A4 PDF，一式四份，有签名栏和盖章处）：封装证书、已公示学校的分班名单与教师团队、',
      '结束后的总报告（--public-url：总报告上验证页面的网址）',
      'documents to print (A4 PDF, four labelled copies, signature lines, stamp areas): the seal certificate,',
      "each published school's class lists and teacher teams, the final report after the close",
      '(--public-url: the verifier page address printed on it)',
    ],
    run: exportPrintCommand,
  },
  media: {
    usage: EXPORT_MEDIA_USAGE,
    lines: [
      '每所已公示学校一张图片（PNG，姓名部分隐去），供微信公众号和媒体发布；二维码指向 --public-url 上的结果页',
      'one image per published school (PNG, names partly masked) for WeChat and the press;',
      "its QR code opens the school's result page at --public-url",
    ],
    run: exportMediaCommand,
  },
  excel: {
    usage: EXPORT_EXCEL_USAGE,
    lines: [
      '省平台导入格式的分班名单（Excel）：全区一个文件，每所已公示学校一个文件，已防公式注入',
      "the class lists in the provincial platform's import layout (Excel): one file for the district and one",
      'per published school, formula injection neutralised',
    ],
    run: exportExcelCommand,
  },
  csv: {
    usage: EXPORT_CSV_USAGE,
    lines: [
      '同上，CSV 格式（UTF-8 带 BOM，Windows 版 Excel 直接可读）',
      'the same as CSV (UTF-8 with a BOM, so Excel on Windows reads the Chinese)',
    ],
    run: exportCsvCommand,
  },
  site: {
    usage: EXPORT_SITE_USAGE,
    lines: [
      '结果页静态网站（姓名部分隐去，查询在浏览器中完成），可放到任何网站服务器或 CDN；',
      '仪式结束后附上验证包 verify/bundle.zip，验证页面一键核验',
      'the result pages as a static site for any web server or CDN (names partly masked, the lookup runs in',
      'the browser); after the close, with the verification bundle at verify/bundle.zip for the verifier page',
    ],
    run: exportSiteCommand,
  },
  bundle: {
    usage: EXPORT_BUNDLE_USAGE,
    lines: [
      '仪式结束后：验证包（封装数据与公开的密钥、名单、随机数、种子、分班结果、教师团队、审计链）和离线验证页面',
      'after the close: the verification bundle (seal data and the revealed secret, rosters, contributions,',
      'seeds, classes, teacher teams, audit chain) with the offline verifier page',
    ],
    run: exportBundleCommand,
  },
};

/** Every export with what it writes, indented as `sunshine --help` lists commands. */
export const EXPORT_USAGE = Object.values(EXPORTERS).map(describeCommand).join('\n  ');

/** The export `args` name first, if any: `sunshine export <what> --help` shows only that one. */
export function exporterNamed(args: readonly string[]): Command | undefined {
  return args[0] === undefined ? undefined : EXPORTERS[args[0]];
}

export async function exportCommand(args: string[], io: Io, env: NodeJS.ProcessEnv): Promise<number> {
  const [what, ...rest] = args;
  const exporter = what === undefined ? undefined : EXPORTERS[what];
  if (exporter === undefined) {
    // The list, with its bilingual lines, once: the English message only points at it.
    const asked = what === undefined ? '缺少导出类型' : `未知的导出类型“${what}”`;
    const askedEn = what === undefined ? 'say what to export' : `unknown export "${what}"`;
    throw new UsageError(`${asked}。用法 usage:\n  ${EXPORT_USAGE}`, `${askedEn}: choose one of the above`);
  }
  return exporter.run(rest, io, env);
}
