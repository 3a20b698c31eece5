/**
 * The audit tail this console can show. The snapshot carries no audit log, so the console keeps what it saw in this
 * browser session: the controller's events, its own refusals and connection changes (sessionStorage, so a reload
 * keeps them).
 */
import type { CeremonyEvent } from '../../../engine/ceremony/state.ts';
import type { ConsoleError } from './errors.ts';

export interface JournalEntry {
  readonly at: string;
  readonly kind: 'event' | 'refusal' | 'connection';
  readonly zh: string;
  readonly en: string;
}

const STORAGE_KEY = 'sunshine-console-journal';
const KEEP = 200;

export function loadJournal(): JournalEntry[] {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(stored) ? (stored as JournalEntry[]) : [];
  } catch {
    return [];
  }
}

export function appendJournal(journal: readonly JournalEntry[], entries: readonly JournalEntry[]): JournalEntry[] {
  const next = [...journal, ...entries].slice(-KEEP);
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  return next;
}

export function entry(kind: JournalEntry['kind'], text: { zh: string; en: string }): JournalEntry {
  return { at: new Date().toISOString(), kind, zh: text.zh, en: text.en };
}

export function refusalEntry(error: ConsoleError): JournalEntry {
  return entry('refusal', { zh: `拒绝：${error.zh}`, en: `refused: ${error.en}` });
}

/** One short line per event: the tail is narrow; fingerprints are cut to their first 12 digits. */
export function eventEntry(event: CeremonyEvent): JournalEntry {
  const short = (hex: string) => hex.slice(0, 12);
  const text = ((): { zh: string; en: string } => {
    switch (event.type) {
      case 'plan:set':
        return { zh: `计划：${event.schools} 所学校`, en: `plan: ${event.schools} schools` };
      case 'ceremony:sealed':
        return { zh: `封装，承诺 ${short(event.commitment)}…`, en: `sealed, commitment ${short(event.commitment)}…` };
      case 'ceremony:previewed':
        return { zh: '预览上屏', en: 'previewed' };
      case 'ceremony:unsealed':
        return { zh: '公证员拆封', en: 'unsealed' };
      case 'school:imported':
        return event.acceptedReason === null
          ? { zh: `${event.school}：导入 ${event.students} 人`, en: `${event.school}: ${event.students} imported` }
          : {
              zh: `${event.school}：导入 ${event.students} 人，接受差异（${event.acceptedReason}）`,
              en: `${event.school}: ${event.students} imported, difference accepted (${event.acceptedReason})`,
            };
      case 'school:drawn':
        return {
          zh: `${event.school}：分班，随机数 ${event.contribution}`,
          en: `${event.school}: drawn, input ${event.contribution}`,
        };
      case 'school:published':
        return { zh: `${event.school}：公示`, en: `${event.school}: published` };
      case 'school:teachers-drawn':
        return { zh: `${event.school}：教师团队已定`, en: `${event.school}: teacher teams set` };
      case 'ceremony:closed':
        return { zh: '仪式结束', en: 'ceremony closed' };
    }
  })();
  return entry('event', text);
}
