/** The display mirror's words: what each scene shows now, and whether a display shows what the operator chose. */
import { describe, expect, it } from 'vitest';
import { displayExpected, displayShowing, sceneSummary } from './scenes.ts';
import { DEFAULT_PRESENTATION, type Presentation } from '../../../controller/contract/presentation.ts';
import type { DisplayPresence, SchoolView, Snapshot } from '../../../controller/contract/protocol.ts';
import type { BalanceReport } from '../../../engine/assign/metrics.ts';

const check = (ok: boolean): BalanceReport['checks'][number] => ({
  id: 'size-spread',
  ok,
  value: ok ? 1 : 2,
  limit: 1,
  zh: '各班人数差',
  en: 'difference in class sizes',
});

/** A drawn school whose balance checks came out as `checks` says; only what the mirror reads is filled in. */
function drawnSchool(checks: readonly boolean[]): SchoolView {
  return {
    name: '东湖小学',
    stage: 'primary',
    classes: 3,
    cap: 45,
    capOverrideReason: null,
    declared: { students: 0, boys: 0, girls: 0, multiples: 0 },
    status: 'published',
    roster: null,
    draw: {
      contribution: '271828',
      seedHex: 'ab'.repeat(32),
      classOf: [],
      reveal: [],
      relaxations: [],
      report: {
        classes: [],
        subjects: [],
        birthDateMeanRangeDays: null,
        distribution: { rankedBy: null, bands: [], top: null, bottom: null, flags: [] },
        checks: checks.map(check),
        soundAlikePairs: [],
      },
    },
    teachers: { draw: { kind: 'lottery', contribution: '31' }, teamOfClass: [2, 3, 1] },
  };
}

const snapshotWith = (school: SchoolView): Snapshot => ({
  revision: 9,
  phase: 'unsealed',
  seal: null,
  schools: [school],
});
const about = (scene: Presentation['scene']): Presentation => ({
  ...DEFAULT_PRESENTATION,
  scene,
  school: '东湖小学',
});

describe('the display mirror', () => {
  it('sums up the result with its balance checks: ✓ only when every check passed', () => {
    expect(sceneSummary(about('result'), snapshotWith(drawnSchool([true, true]))).zh).toBe(
      '东湖小学：3 个班，均衡核验 ✓',
    );
    expect(sceneSummary(about('result'), snapshotWith(drawnSchool([true, false]))).en).toBe(
      '东湖小学: 3 classes, balance ✗',
    );
  });

  it('lists the teams by class once drawn, and says it waits for them before', () => {
    const drawn = drawnSchool([true]);
    expect(sceneSummary(about('teachers'), snapshotWith(drawn)).zh).toBe('东湖小学：1班←2 2班←3 3班←1');
    expect(sceneSummary(about('teachers'), snapshotWith({ ...drawn, teachers: null })).zh).toBe(
      '东湖小学：等待抽选教师团队',
    );
  });

  it('expects a display from the seal to the close, and not before or after', () => {
    const snapshot = snapshotWith(drawnSchool([true]));
    const phases = ['planning', 'sealed', 'previewed', 'unsealed', 'closed'] as const;
    expect(phases.map((phase) => displayExpected({ ...snapshot, phase }))).toEqual([false, true, true, true, false]);
  });

  it('marks a display that shows another scene than the one chosen', () => {
    const display: DisplayPresence = {
      admission: 'admitted',
      id: 'd1',
      label: '1920×1080 · Chrome',
      connectedAt: '2026-08-28T01:00:00.000Z',
      showing: { scene: 'standby', school: null },
    };
    expect(displayShowing({ ...display, showing: null }, null)).toEqual({ zh: '正在载入', en: 'loading' });
    expect(displayShowing(display, { ...DEFAULT_PRESENTATION, scene: 'standby' })).toEqual({
      zh: '待机',
      en: 'Standby',
    });
    expect(displayShowing(display, about('result'))).toEqual({
      zh: '待机（与设定画面不同）',
      en: 'Standby (not the scene chosen)',
    });
    expect(displayShowing({ ...display, showing: { scene: 'result', school: '东湖小学' } }, about('result'))).toEqual({
      zh: '分班结果 · 东湖小学',
      en: 'Result · 东湖小学',
    });
  });

  it('says that a display not yet admitted shows its pairing code, whatever it last reported', () => {
    const waiting: DisplayPresence = {
      admission: 'waiting',
      id: 'd2',
      label: 'Chrome 120',
      connectedAt: '2026-08-28T01:00:00.000Z',
      showing: { scene: 'standby', school: null },
    };
    expect(displayShowing(waiting, about('result')).zh).toBe('等待接入：显示配对码（在“大屏接入”输入）');
  });
});
