/** The display's scenes as the operator names them, and a one-line summary of what each shows now. */
import type { Presentation, Scene } from '../../../controller/contract/presentation.ts';
import type { DisplayPresence, Snapshot } from '../../../controller/contract/protocol.ts';

type Text = { readonly zh: string; readonly en: string };

export const SCENE_NAME: Readonly<Record<Scene, Text>> = {
  standby: { zh: '待机', en: 'Standby' },
  seal: { zh: '封装', en: 'Seal' },
  preview: { zh: '预览', en: 'Preview' },
  roster: { zh: '名单', en: 'Roster' },
  contribution: { zh: '家长代表随机数', en: 'Parent input' },
  draw: { zh: '分班演示', en: 'Draw' },
  result: { zh: '分班结果', en: 'Result' },
  teachers: { zh: '教师团队', en: 'Teacher teams' },
  closing: { zh: '结束', en: 'Closing' },
};

/** What the scene shows, in a line: the mirror is a summary, not a second display. */
export function sceneSummary(presentation: Presentation, snapshot: Snapshot): Text {
  const school = snapshot.schools.find((candidate) => candidate.name === presentation.school);
  const name = presentation.school ?? '';
  switch (presentation.scene) {
    case 'standby':
      return { zh: '会标与当前步骤', en: 'Event title and current step' };
    case 'seal':
      return snapshot.seal === null
        ? { zh: '尚未封装', en: 'not sealed yet' }
        : {
            zh: `已封装 ✓ 承诺 ${snapshot.seal.commitment.slice(0, 8)}…`,
            en: `sealed ✓ commitment ${snapshot.seal.commitment.slice(0, 8)}…`,
          };
    case 'preview':
      return {
        zh: `${snapshot.schools.length} 所学校的申报数字`,
        en: `declared figures of ${snapshot.schools.length} schools`,
      };
    case 'roster':
      return {
        zh: `${name}：名单 ${school?.roster?.students.length ?? 0} 人`,
        en: `${name}: ${school?.roster?.students.length ?? 0} names`,
      };
    case 'contribution':
      return presentation.contributionMode === 'digits'
        ? { zh: `${name}：滚动数字`, en: `${name}: rolling digits` }
        : { zh: `${name}：骰子点数`, en: `${name}: dice` };
    case 'draw':
      return {
        zh: `${name}：分班动画 ${presentation.drawSeconds} 秒`,
        en: `${name}: draw animation, ${presentation.drawSeconds} s`,
      };
    case 'result': {
      const checks = school?.draw?.report.checks ?? [];
      const passed = checks.every((check) => check.ok) ? '✓' : '✗';
      return {
        zh: `${name}：${school?.classes ?? 0} 个班，均衡核验 ${passed}`,
        en: `${name}: ${school?.classes ?? 0} classes, balance ${passed}`,
      };
    }
    case 'teachers': {
      const teams = school?.teachers?.teamOfClass;
      return teams === undefined
        ? { zh: `${name}：等待抽选教师团队`, en: `${name}: awaiting the teams` }
        : {
            zh: `${name}：${teams.map((team, index) => `${index + 1}班←${team}`).join(' ')}`,
            en: `${name}: ${teams.map((team, index) => `${index + 1}←${team}`).join(' ')}`,
          };
    }
    case 'closing':
      return { zh: '全部学校完成，核对密钥承诺', en: 'all schools done, commitment checked' };
  }
}

/** From the seal to the close the hall watches the big screen: a ceremony without one deserves a word. */
export function displayExpected(snapshot: Snapshot): boolean {
  return snapshot.phase !== 'planning' && snapshot.phase !== 'closed';
}

/**
 * What a display says it shows, in words; marked when it is not what the operator chose (it lacks the data). One the
 * operator has not admitted shows its pairing code and nothing else.
 */
export function displayShowing(display: DisplayPresence, presentation: Presentation | null): Text {
  if (display.admission === 'waiting') {
    return {
      zh: '等待接入：显示配对码（在“大屏接入”输入）',
      en: 'waiting: shows its pairing code (enter it under “Display admission”)',
    };
  }
  if (display.showing === null) return { zh: '正在载入', en: 'loading' };
  const { scene, school } = display.showing;
  const name = SCENE_NAME[scene];
  const about = school === null ? '' : ` · ${school}`;
  const differs =
    presentation !== null && (scene !== presentation.scene || school !== presentation.school)
      ? { zh: '（与设定画面不同）', en: ' (not the scene chosen)' }
      : { zh: '', en: '' };
  return { zh: `${name.zh}${about}${differs.zh}`, en: `${name.en}${about}${differs.en}` };
}
