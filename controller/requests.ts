/**
 * Turns what an operator asks for (the wire request) into the engine command that is logged and replayed: files are
 * read here, the seal's secret is generated here and the passphrase is hashed here, so the log holds only the
 * outcome — a plan, a roster, a secret, a passphrase hash — and replaying it needs no file and no randomness.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { DEFAULT_OPTIONS } from '../engine/assign/index.ts';
import { sha256Hex } from '../engine/ceremony/canonical.ts';
import { rollingDigits, type RollingScene } from '../engine/ceremony/rolling.ts';
import type { CeremonyCommand, SealedRules } from '../engine/ceremony/state.ts';
import { hashPassphrase, MIN_PASSPHRASE_LENGTH } from './passphrase.ts';
import { readPlanFile } from './plan-file.ts';
import type { OperatorRequest, ProtocolError } from './contract/protocol.ts';
import { readRosterFile, rosterReadOptions } from './contract/roster-file/index.ts';
import { readWorkbookSheet } from './contract/roster-file/workbook.ts';

export interface RequestContext {
  /** Cryptographically strong random bytes (node:crypto in production). */
  readonly entropy: (bytes: number) => Uint8Array;
  /** The software build hash recorded in the seal. */
  readonly buildHash: () => Promise<string>;
}

export type Translation = { readonly command: CeremonyCommand } | { readonly refusal: ProtocolError };

/**
 * `sealed` are the rules of the sealed ceremony (null before the seal): an import reads the roster as they say
 * (`rosterReadOptions`), so every school's roster is read alike, and as the console's pre-check read it.
 */
export async function toCommand(
  request: OperatorRequest,
  context: RequestContext,
  sealed: SealedRules | null,
): Promise<Translation> {
  switch (request.type) {
    case 'plan:import': {
      const { plan, problems } = await readPlanFile(request.fileName, request.content);
      if (plan === null) {
        return refusal(
          'plan-file-invalid',
          `计划文件 ${request.fileName} 有 ${problems.length} 处问题，未作任何更改`,
          `the plan file ${request.fileName} has ${problems.length} problem(s); nothing was changed`,
          problems,
        );
      }
      return { command: { type: 'plan:set', plan } };
    }
    case 'ceremony:seal': {
      if ([...request.passphrase].length < MIN_PASSPHRASE_LENGTH) {
        return refusal(
          'weak-passphrase',
          `操作口令至少 ${MIN_PASSPHRASE_LENGTH} 个字符`,
          `the operator passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`,
        );
      }
      let buildHash: string;
      try {
        buildHash = await context.buildHash();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return refusal(
          'internal-error',
          `无法计算软件哈希（软件文件是否正在变动？），未封装：${reason}`,
          `cannot compute the software hash (are the software files changing?); not sealed: ${reason}`,
        );
      }
      return {
        command: {
          type: 'ceremony:seal',
          secretHex: bytesToHex(context.entropy(32)),
          rules: request.rules ?? { ...DEFAULT_OPTIONS },
          buildHash,
          operatorKey: hashPassphrase(request.passphrase),
          // Left out when none is named, so such a seal is logged exactly as before public values existed.
          ...(request.publicValueSource === undefined ? {} : { publicValueSource: request.publicValueSource }),
        },
      };
    }
    case 'school:import': {
      const { roster, issues } = await readRosterFile(
        request.fileName,
        request.content,
        rosterReadOptions(sealed),
        readWorkbookSheet,
      );
      if (roster === null) {
        const errors = issues.filter((issue) => issue.severity === 'error');
        return refusal(
          'roster-invalid',
          `名单文件 ${request.fileName} 有 ${errors.length} 处错误，未导入`,
          `the roster file ${request.fileName} has ${errors.length} error(s); nothing was imported`,
          errors.map((issue) => ({
            file: request.fileName,
            row: issue.row,
            column: issue.column,
            zh: issue.zh,
            en: issue.en,
          })),
        );
      }
      const { school, fileName, acceptMismatchReason } = request;
      return { command: { type: 'school:import', school, fileName, roster, acceptMismatchReason } };
    }
    case 'school:draw': {
      const { school, contribution, rolled } = request;
      const problem = rolledProblem(contribution, 'contribution', school, rolled);
      return problem ?? { command: { type: 'school:draw', school, contribution } };
    }
    case 'school:teachers': {
      const { school, draw } = request;
      if (draw.kind !== 'lottery') return { command: request };
      const { contribution, rolled } = draw;
      const problem = rolledProblem(contribution, 'teachers', school, rolled);
      return problem ?? { command: { type: 'school:teachers', school, draw: { kind: 'lottery', contribution } } };
    }
    case 'plan:set':
    case 'ceremony:enter-public-value':
    case 'ceremony:preview':
    case 'ceremony:unseal':
    case 'school:publish':
    case 'ceremony:close':
      return { command: request };
  }
}

/** The request as the audit log keeps it when refused: files by size and hash, never the passphrase. */
export function loggedRequest(request: OperatorRequest): unknown {
  if ('content' in request) {
    return { ...request, content: { bytes: request.content.length, sha256: sha256Hex(request.content) } };
  }
  if (request.type === 'ceremony:seal') return { type: request.type, publicValueSource: request.publicValueSource };
  return request;
}

/**
 * Digits said to be stopped on the rolling counter must be the digits of that frame: what the hall saw is what is
 * used. The frame itself is not logged with the command: the digits are the input, and the command stays as before.
 */
function rolledProblem(
  contribution: string,
  scene: RollingScene['scene'],
  school: string,
  rolled: { readonly sceneStartedAt: number; readonly frame: number } | undefined,
): Translation | null {
  if (rolled === undefined) return null;
  const { sceneStartedAt, frame } = rolled;
  const shown = rollingDigits({ scene, school, sceneStartedAt }, frame);
  if (shown === contribution) return null;
  return refusal(
    'contribution-not-rolled',
    `停下的数字“${contribution}”与滚动数字第 ${frame} 帧“${shown}”不符，未分班`,
    `the stopped digits "${contribution}" are not those of rolling frame ${frame} ("${shown}"); nothing was drawn`,
  );
}

function refusal(
  code: ProtocolError['code'],
  zh: string,
  en: string,
  details: ProtocolError['details'] = [],
): Translation {
  return { refusal: { code, zh, en, details } };
}
