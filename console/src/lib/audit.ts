/**
 * The audit log's tail as the console lists it: what each entry was, in words, and its hash the way the notary reads
 * it against the printed chain (the first digits, in groups of four).
 */
import type { AuditSummary } from '../../../controller/contract/protocol.ts';

type Text = { readonly zh: string; readonly en: string };

/** Request and command types: a plan file is logged as the plan it holds. */
const KIND_NAME: Readonly<Record<string, Text>> = {
  'plan:import': { zh: '导入计划', en: 'plan' },
  'plan:set': { zh: '设定计划', en: 'plan' },
  'ceremony:seal': { zh: '封装', en: 'seal' },
  'ceremony:enter-public-value': { zh: '录入外部公开随机值', en: 'public value' },
  'ceremony:preview': { zh: '预览', en: 'preview' },
  'ceremony:unseal': { zh: '拆封', en: 'unseal' },
  'school:import': { zh: '导入名单', en: 'roster import' },
  'school:draw': { zh: '分班', en: 'draw' },
  'school:publish': { zh: '公示', en: 'publish' },
  'school:teachers': { zh: '教师团队', en: 'teacher teams' },
  'ceremony:close': { zh: '结束仪式', en: 'close' },
};

/** What the entry records: `分班 · 西山中学`, a refusal marked as such. */
export function describeEntry(entry: AuditSummary): Text {
  if (entry.kind === 'access') return { zh: '拒绝登录（汇总）', en: 'refused log-ins (summary)' };
  const type = entry.type ?? '?';
  const name = KIND_NAME[type] ?? { zh: type, en: type };
  const school = entry.school === null ? '' : ` · ${entry.school}`;
  return entry.kind === 'command'
    ? { zh: `${name.zh}${school}`, en: `${name.en}${school}` }
    : { zh: `拒绝：${name.zh}${school}`, en: `refused: ${name.en}${school}` };
}

/** The first twelve hex digits in groups of four: enough to tell entries apart, short enough to read aloud. */
export function shortHash(hash: string): string {
  return (hash.slice(0, 12).match(/.{1,4}/g) ?? []).join(' ');
}

/** `console:Xk3…` → `控制台 Xk3f`; other actors (the headless CLI, a demo preload) as they are. */
export function describeActor(actor: string): Text {
  const consoleId = /^console:(.{1,4})/.exec(actor)?.[1];
  return consoleId === undefined ? { zh: actor, en: actor } : { zh: `控制台 ${consoleId}`, en: `console ${consoleId}` };
}
