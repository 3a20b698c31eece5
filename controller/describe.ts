/** One line per event and per refusal, Chinese first: what the headless CLI prints and a console can show. */
import type { CeremonyEvent, RefusalDetail } from '../engine/ceremony/state.ts';
import type { ProtocolError } from './contract/protocol.ts';

const FIGURE = { students: '学生数', boys: '男生数', girls: '女生数', multiples: '多胞胎数' } as const;

export function describeEvent(event: CeremonyEvent): string {
  switch (event.type) {
    case 'plan:set':
      return `计划：${event.schools} 所学校，计划哈希 ${event.planHash} / plan: ${event.schools} schools, plan hash ${event.planHash}`;
    case 'ceremony:sealed':
      return (
        `封装：软件哈希 ${event.buildHash}，计划哈希 ${event.planHash}，随机密钥承诺 ${event.commitment}` +
        (event.publicValueSource === null ? '' : `，外部公开随机值来源 ${event.publicValueSource}`) +
        ` / sealed: build hash, plan hash and commitment to the secret recorded` +
        (event.publicValueSource === null ? '' : ', with the source of the public value')
      );
    case 'ceremony:public-value-entered':
      return (
        `外部公开随机值已录入：${event.value}（来源 ${event.source}），将计入每所学校的种子` +
        ` / public value entered: it goes into every school's seed`
      );
    case 'ceremony:previewed':
      return '预览：各校申报数字已上屏 / preview: declared figures shown';
    case 'ceremony:unsealed':
      return '拆封：公证员当众拆封 / unsealed by the notary in public';
    case 'school:imported': {
      const changes = event.mismatches.map((m) => `${FIGURE[m.figure]} ${m.declared}→${m.actual}`).join('，');
      return event.acceptedReason === null
        ? `${event.school}：导入 ${event.students} 名学生，与申报一致 / imported ${event.students} students, as declared`
        : `${event.school}：导入 ${event.students} 名学生，与申报不一致（${changes}），操作员接受，理由：` +
            `${event.acceptedReason} / imported ${event.students} students; the operator accepted the mismatch`;
    }
    case 'school:drawn': {
      const classes = Math.max(...event.reveal.map((reveal) => reveal.classNumber));
      return (
        `${event.school}：${event.reveal.length} 名学生分入 ${classes} 个班，家长代表随机数 ${event.contribution}，` +
        `种子 ${event.seedHex} / drawn ${event.reveal.length} students into ${classes} classes`
      );
    }
    case 'school:published':
      return `${event.school}：已公示 / published`;
    case 'school:teachers-drawn':
      return (
        `${event.school}：教师团队 ${event.teamOfClass.map((team, index) => `${index + 1}班←${team}号`).join(' ')}` +
        ` / teacher teams drawn`
      );
    case 'ceremony:closed':
      return `仪式结束 / ceremony closed\n  公开封装密钥 sealed secret revealed: ${event.secretHex}`;
  }
}

export function describeRefusal(error: ProtocolError): string {
  return [`✗ ${error.zh}`, `  ${error.en}`, ...error.details.map((detail) => `  - ${describeDetail(detail)}`)].join(
    '\n',
  );
}

/** `文件 plan.csv 第 3 行 班额上限 (D)：… / file plan.csv, row 3, column 班额上限 (D): …` */
function describeDetail(detail: RefusalDetail): string {
  const zh = [
    detail.file === null ? '' : `文件 ${detail.file} `,
    detail.row === null ? '' : `第 ${detail.row} 行 `,
    detail.column === null ? '' : `${detail.column} `,
  ].join('');
  const en = [
    detail.file === null ? null : `file ${detail.file}`,
    detail.row === null ? null : `row ${detail.row}`,
    detail.column === null ? null : `column ${detail.column}`,
  ]
    .filter((part) => part !== null)
    .join(', ');
  return `${zh.trim()}${zh === '' ? '' : '：'}${detail.zh} / ${en}${en === '' ? '' : ': '}${detail.en}`;
}
