/**
 * What the operator should do next after each refusal. The controller says what went wrong (zh/en, with file, row
 * and column); this adds the next step, in plain words. A Record over every code, so a new code cannot go unexplained.
 */
import type { ErrorCode, ProtocolError } from '../../../controller/contract/protocol.ts';

/** Failures the console meets before any refusal: no connection, no answer, a download the controller refused. */
export type LocalErrorCode =
  'offline' | 'no-answer' | 'display-no-answer' | 'download-refused' | 'download-unavailable' | 'download-failed';

/** What a panel shows: a controller refusal, or a local failure shaped like one. */
export interface ConsoleError extends Omit<ProtocolError, 'code'> {
  readonly code: ErrorCode | LocalErrorCode;
}

type Advice = { readonly zh: string; readonly en: string };

const RESYNCED: Advice = {
  zh: '控制台已按控制器的最新状态刷新，请按左侧当前步骤继续。',
  en: 'The console has been refreshed from the controller; continue with the current step on the left.',
};
const NOTHING_CHANGED_RETRY: Advice = {
  zh: '未作任何更改。请再试一次；如仍失败，请联系技术人员并保留审计日志。',
  en: 'Nothing was changed. Try once more; if it fails again, call the technician and keep the audit log.',
};

const ADVICE: Readonly<Record<ConsoleError['code'], Advice>> = {
  offline: {
    zh: '未发送任何操作。请等待右上角显示“已连接控制器”后再试；如长时间未恢复，请检查控制器电脑和网线。',
    en: 'Nothing was sent. Wait for “connected” at the top right, then try again; if it does not come back, check the controller computer and its cable.',
  },
  'no-answer': {
    zh: '操作可能已执行，也可能没有：请先查看当前状态和审计记录，不要直接重复。',
    en: 'The action may or may not have run: check the state and the audit tail before repeating it.',
  },
  'display-no-answer': {
    zh: '大屏可能未变。可在右侧“大屏控制”中重试。',
    en: 'The display may not have changed. Retry from the display controls on the right.',
  },
  'download-refused': {
    zh: '请关闭本页，重新打开控制台并输入封装时设定的操作口令，再下载。',
    en: 'Close this page, open the console again with the passphrase set at the seal, then download.',
  },
  'download-unavailable': {
    zh: '先完成相应步骤（公示该校，或结束仪式），再下载。',
    en: 'Finish the step it needs first (publish the school, or close the ceremony), then download.',
  },
  'download-failed': NOTHING_CHANGED_RETRY,
  'wrong-phase': RESYNCED,
  'already-imported': RESYNCED,
  'already-drawn': RESYNCED,
  'already-published': RESYNCED,
  'already-teachers': RESYNCED,
  'not-imported': RESYNCED,
  'not-drawn': RESYNCED,
  'not-published': RESYNCED,
  'unknown-school': RESYNCED,
  'school-skipped': RESYNCED,
  'no-plan': { zh: '请先导入分班计划文件。', en: 'Import the plan file first.' },
  'plan-invalid': {
    zh: '请按下列位置修改计划文件，保存后重新选择该文件。',
    en: 'Correct the plan file at the places listed, save it and choose it again.',
  },
  'plan-file-invalid': {
    zh: '请按下列行、列修改计划文件，保存后重新选择该文件。',
    en: 'Correct the plan file at the rows and columns listed, save it and choose it again.',
  },
  'contribution-not-rolled': {
    zh: '未分班。请重新开始滚动数字，由家长代表再次停下。',
    en: 'Nothing was drawn. Start the digits again and let the parent representative stop them once more.',
  },
  'roster-invalid': {
    zh: '未导入任何内容。请在 Excel 中按下列行、列修改名单，保存后重新选择该文件。',
    en: 'Nothing was imported. Correct the roster in Excel at the rows and columns listed, save it and choose it again.',
  },
  'import-mismatch': {
    zh: '请与学校核对差异。确认名单无误时，填写接受差异的理由后再导入；理由会记入审计日志。',
    en: 'Check the differences with the school. If the roster is right, give the reason for accepting them and import again; the reason is logged.',
  },
  'over-capacity': {
    zh: '名单人数超过封装计划的容量，不能导入。请核对是否选错了学校或文件。',
    en: 'The roster exceeds the sealed capacity and cannot be imported. Check that the school and the file are the right ones.',
  },
  'bad-contribution': {
    zh: '请让家长代表重新停下数字，或重新输入骰子点数。',
    en: 'Let the parent representative stop the digits again, or enter the dice again.',
  },
  'bad-teams': {
    zh: '每个班填一个教师团队号，1 至班级数各用一次。',
    en: 'Give each class one team number; use each number from 1 to the number of classes once.',
  },
  'draw-failed': {
    zh: '未作任何更改。请记下提示内容并联系技术人员；不要重复尝试。',
    en: 'Nothing was changed. Note the message and call the technician; do not retry.',
  },
  'schools-unfinished': {
    zh: '请先完成下列学校的分班、公示和教师团队。',
    en: 'Finish the draw, publication and teacher teams of the schools listed first.',
  },
  'bad-public-value': {
    zh: '请按官方公告重新输入：一行文字，不超过 200 个字符。',
    en: 'Type it again as the official announcement shows it: one line of at most 200 characters.',
  },
  'public-value-missing': {
    zh: '请在来源公布后，先录入封装时指定的外部公开随机值，再继续。',
    en: 'Once the source has announced it, enter the public value named at the seal first, then go on.',
  },
  'public-value-not-named': RESYNCED,
  'public-value-already-entered': RESYNCED,
  'bad-seal': NOTHING_CHANGED_RETRY,
  'invalid-request': NOTHING_CHANGED_RETRY,
  'internal-error': NOTHING_CHANGED_RETRY,
  'not-operator': {
    zh: '本控制台为只读。请关闭另一台控制台，再点“接管操作”。',
    en: 'This console is read-only. Close the other console, then choose “Take over”.',
  },
  'operator-busy': {
    zh: '另一台控制台正在操作。请先关闭它，再点“接管操作”。',
    en: 'Another console is operating. Close it first, then choose “Take over”.',
  },
  'wrong-passphrase': {
    zh: '请重新输入封装时设定的操作口令。',
    en: 'Enter the operator passphrase set at the seal again.',
  },
  'setup-code-required': {
    zh: '请输入设置码：它在启动控制器时打印在控制器电脑的终端里；也可直接在控制器电脑上打开控制台。',
    en: 'Enter the setup code printed in the controller’s terminal when it started, or open the console on the controller computer.',
  },
  'wrong-setup-code': {
    zh: '请核对控制器终端里打印的 8 位设置码，重新输入。',
    en: 'Check the 8-digit setup code printed in the controller’s terminal and enter it again.',
  },
  'too-many-attempts': {
    zh: '请等候提示的时间后再输入；期间即使正确也不受理。每次拒绝都汇总记入审计日志。',
    en: 'Wait the time given, then try again; until then even the right one is refused. Refusals are summed up in the audit log.',
  },
  'unknown-pairing-code': {
    zh: '请核对大屏上显示的 6 位配对码，重新输入；大屏刷新后配对码不变。',
    en: 'Check the 6-digit pairing code on the display and enter it again; a reload keeps the same code.',
  },
  'unknown-display': RESYNCED,
  'weak-passphrase': {
    zh: '请设定更长的操作口令，并牢记；拆封后每次连接都需要它。',
    en: 'Choose a longer passphrase and keep it; every connection after the seal needs it.',
  },
};

export function adviceFor(error: ConsoleError): Advice {
  return ADVICE[error.code];
}

/** Codes that mean the console acted on an old picture of the ceremony: it fetches a fresh snapshot. */
export function isStale(error: ConsoleError): boolean {
  return ADVICE[error.code] === RESYNCED;
}

export const LOCAL_ERRORS: Readonly<Record<LocalErrorCode, ConsoleError>> = {
  offline: { code: 'offline', zh: '未连接控制器', en: 'not connected to the controller', details: [] },
  'no-answer': { code: 'no-answer', zh: '控制器没有回应', en: 'the controller did not answer', details: [] },
  'display-no-answer': {
    code: 'display-no-answer',
    zh: '控制器没有确认大屏的切换',
    en: 'the controller did not confirm the display change',
    details: [],
  },
  'download-refused': {
    code: 'download-refused',
    zh: '控制器不接受本控制台的会话（它随操作口令取得）',
    en: 'the controller refused this console’s session (granted for the passphrase)',
    details: [],
  },
  'download-unavailable': {
    code: 'download-unavailable',
    zh: '这份文件现在还不能生成',
    en: 'this file cannot be made yet',
    details: [],
  },
  'download-failed': {
    code: 'download-failed',
    zh: '控制器未能生成这份文件',
    en: 'the controller could not make the file',
    details: [],
  },
};
