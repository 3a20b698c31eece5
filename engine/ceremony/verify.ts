/**
 * Verifies a bundle without trusting anything in it but mathematics: the secret against the commitment, every link
 * and hash of the audit chain (the walk the controller runs on its log), then a replay of every accepted command
 * through the controller's own replay and state machine (which re-derive each seed and re-run each draw and teacher
 * lottery with the engine), compared with what the bundle says; each school's line carries the result fingerprint of
 * its recomputed lists, to compare with the printed ones. Pure, so `sunshine verify` and the offline verifier page run
 * the same code and give the same verdicts.
 */
import type { z } from 'zod';
import { chainBreak, entryHash, type ChainLink } from './audit-chain.ts';
import {
  AuditFileSchema,
  BUNDLE_FILES,
  BUNDLE_FORMAT,
  CertificateSchema,
  PlanFileSchema,
  RETIRED_BUNDLE_FORMATS,
  SCHOOLS_FOLDER,
  SchoolFileSchema,
  type BundleEntry,
  type BundleSchool,
  type Certificate,
} from './bundle.ts';
import { canonicalJson, publishedRosterHash } from './canonical.ts';
import { commitment } from './seed.ts';
import { resultFingerprint } from './publication.ts';
import { replay } from './replay.ts';
import type { CeremonyState, SchoolRecord } from './state.ts';

/** The bundle's files as parsed JSON, before any check: file names are kept to say where a problem is. */
export interface BundleInput {
  readonly certificate: unknown;
  readonly plan: unknown;
  readonly audit: unknown;
  readonly schools: readonly { readonly file: string; readonly content: unknown }[];
}

/** One verdict line: what was checked (a school's name, or a label), and the result or the first difference. */
export interface Check {
  readonly subject: string;
  readonly ok: boolean;
  readonly zh: string;
  readonly en: string;
}

export interface Verification {
  readonly ok: boolean;
  /** Commitment, audit chain, certificate against the chain, replay. */
  readonly checks: readonly Check[];
  /** One per drawn school (and one per school file the plan does not know). */
  readonly schools: readonly SchoolCheck[];
}

export interface SchoolCheck extends Check {
  /**
   * The result fingerprint of the class lists the replay computed for the school (`resultFingerprint`), which the
   * school's printed lists must carry; null when the replay did not draw it.
   */
  readonly resultFingerprint: string | null;
}

export const SUBJECT = {
  files: '文件 / files',
  commitment: '承诺 / commitment',
  chain: '审计链 / audit chain',
  certificate: '封装证书 / seal certificate',
  replay: '重放 / replay',
} as const;

export function verifyBundle(input: BundleInput): Verification {
  const parsed = parseFiles(input);
  if ('problems' in parsed) return finish(parsed.problems, []);
  const { certificate, plan, audit, schools } = parsed;
  const replayed = replayCheck(audit, schools);
  const checks = [
    commitmentCheck(certificate),
    chainCheck(audit),
    certificateCheck(certificate, plan, replayed.state),
    replayed.check,
  ];
  return finish(checks, schoolChecks(replayed.state, schools));
}

/** `✓ 学校：中文 / English`: the line the CLI prints and the offline verifier page shows. */
export function verdictLine(check: Check): string {
  return `${check.ok ? '✓' : '✗'} ${check.subject}：${check.zh} / ${check.en}`;
}

function finish(checks: readonly Check[], schools: readonly SchoolCheck[]): Verification {
  return { ok: [...checks, ...schools].every((check) => check.ok), checks, schools };
}

const pass = (subject: string, zh: string, en: string): Check => ({ subject, ok: true, zh, en });
const fail = (subject: string, zh: string, en: string): Check => ({ subject, ok: false, zh, en });

interface ParsedBundle {
  readonly certificate: Certificate;
  readonly plan: unknown;
  readonly audit: readonly BundleEntry[];
  readonly schools: readonly BundleSchool[];
}

function parseFiles(input: BundleInput): ParsedBundle | { problems: Check[] } {
  const problems: Check[] = [];
  function parse<T>(schema: z.ZodType<T>, value: unknown, file: string): T | null {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    const issue = result.error.issues[0]!;
    const where = issue.path.join('.') || '（整个文件 whole file）';
    problems.push(
      fail(
        SUBJECT.files,
        `${file} 格式无效：${where}：${issue.message}`,
        `${file} is malformed: ${where}: ${issue.message}`,
      ),
    );
    return null;
  }
  const retired = retiredFormat(input.certificate);
  if (retired !== null) return { problems: [retired] };
  const certificate = parse(CertificateSchema, input.certificate, BUNDLE_FILES.certificate);
  const plan = parse(PlanFileSchema, input.plan, BUNDLE_FILES.plan);
  const audit = parse(AuditFileSchema, input.audit, BUNDLE_FILES.audit);
  const schools = input.schools.map((school) =>
    parse(SchoolFileSchema, school.content, `${SCHOOLS_FOLDER}/${school.file}`),
  );
  if (problems.length > 0) return { problems };
  return { certificate: certificate!, plan: plan!, audit: audit!, schools: schools.map((school) => school!) };
}

/** A bundle of an earlier version (names in its rosters, another roster hash) takes the verifier it came with. */
function retiredFormat(certificate: unknown): Check | null {
  const format = (certificate as { format?: unknown } | null)?.format;
  if (typeof format !== 'string' || !RETIRED_BUNDLE_FORMATS.includes(format)) return null;
  return fail(
    SUBJECT.files,
    `证明包为旧版格式 ${format}（由早期版本的软件导出），本验证程序只读 ${BUNDLE_FORMAT}：` +
      '请用该证明包内附的 verifier.html，或导出它的软件版本的 npx sunshine verify 复核',
    `the bundle is in the earlier format ${format} (exported by an earlier version of the software); this verifier ` +
      `reads ${BUNDLE_FORMAT} only: check it with the verifier.html inside that bundle, or with npx sunshine verify ` +
      'of the version that exported it',
  );
}

function commitmentCheck(certificate: Certificate): Check {
  const recomputed = commitment(certificate.secretHex);
  return recomputed === certificate.commitment
    ? pass(SUBJECT.commitment, '公开的密钥与封装时的承诺相符', 'the revealed secret matches the sealed commitment')
    : fail(
        SUBJECT.commitment,
        `公开的密钥的 SHA-256 为 ${recomputed}，与封装承诺 ${certificate.commitment} 不符`,
        `the revealed secret hashes to ${recomputed}, not the sealed commitment ${certificate.commitment}`,
      );
}

function chainCheck(audit: readonly BundleEntry[]): Check {
  const broken = chainBreak(audit.map(bundleLink));
  if (broken !== null) {
    return fail(SUBJECT.chain, `第 ${broken.seq} 条记录：${broken.zh}`, `entry ${broken.seq}: ${broken.en}`);
  }
  const redacted = audit.filter((entry) => entry.redacted).length;
  return pass(
    SUBJECT.chain,
    `${audit.length} 条记录链接完整，哈希相符（其中 ${redacted} 条已去除个人信息，只核对链接）`,
    `${audit.length} entries linked and hashes match (${redacted} with personal data removed: links checked only)`,
  );
}

function bundleLink(entry: BundleEntry): ChainLink {
  const { seq, prev, hash } = entry;
  if (entry.redacted) return { seq, prev, hash, content: { status: 'redacted' } };
  return { seq, prev, hash, content: { status: 'readable', hash: entryHash({ ...entry, prev_hash: prev }) } };
}

/** Replays the accepted commands; a redacted import gets its roster back from the school's file. */
function replayCheck(
  audit: readonly BundleEntry[],
  schools: readonly BundleSchool[],
): { state: CeremonyState; check: Check } {
  const commands = audit.filter((entry) => entry.kind === 'command');
  const rosterOf = (name: string) => schools.find((school) => school.name === name)?.roster ?? null;
  const replayed = replay(commands, rosterOf);
  const { state } = replayed;
  if (!replayed.ok) {
    const { seq, zh, en } = replayed;
    return {
      state,
      check: fail(SUBJECT.replay, `第 ${seq} 条命令无法重放：${zh}`, `entry ${seq} does not replay: ${en}`),
    };
  }
  if (state.phase !== 'closed') {
    return { state, check: fail(SUBJECT.replay, '重放后仪式尚未结束', 'after the replay the ceremony is not closed') };
  }
  return {
    state,
    check: pass(SUBJECT.replay, `${state.revision} 条命令全部重放成功`, `all ${state.revision} commands replay`),
  };
}

/** The certificate and plan files must say exactly what the seal entry and the plan entry of the chain say. */
function certificateCheck(certificate: Certificate, plan: unknown, state: CeremonyState): Check {
  const seal = state.seal;
  if (seal === null) return fail(SUBJECT.certificate, '审计链中没有封装记录', 'the audit chain holds no seal');
  const fields: readonly [string, string, unknown, unknown][] = [
    ['封装承诺', 'commitment', certificate.commitment, seal.commitment],
    ['密钥', 'secret', certificate.secretHex, seal.secretHex],
    ['计划哈希', 'plan hash', certificate.planHash, seal.planHash],
    ['软件哈希', 'build hash', certificate.buildHash, seal.buildHash],
    ['分班规则', 'rules', certificate.rules, seal.rules],
    ['外部公开随机值', 'public value', certificate.publicValue, seal.publicValue],
    [BUNDLE_FILES.plan, BUNDLE_FILES.plan, plan, state.plan],
  ];
  const differing = fields.find(([, , stated, sealed]) => canonicalJson(stated) !== canonicalJson(sealed));
  if (differing !== undefined) {
    const [zh, en, stated, sealed] = differing;
    return fail(
      SUBJECT.certificate,
      `${zh}与审计链中的封装记录不符：证书 ${canonicalJson(stated)}，审计链 ${canonicalJson(sealed)}`,
      `${en} differs from the seal in the audit chain: certificate ${canonicalJson(stated)}, chain ${canonicalJson(sealed)}`,
    );
  }
  const { publicValue } = seal;
  if (publicValue === null) {
    return pass(SUBJECT.certificate, '与审计链中的封装记录一致', 'matches the seal in the audit chain');
  }
  // The one input no computation can check: the value must be what the named source really announced.
  return pass(
    SUBJECT.certificate,
    `与审计链中的封装记录一致；外部公开随机值来源“${publicValue.source}”，录入值“${publicValue.value}”，` +
      '已计入每所学校的种子：请与该来源的官方公告核对',
    `matches the seal in the audit chain; the public value from "${publicValue.source}" was entered as ` +
      `"${publicValue.value}" and is in every school's seed: check it against that source's official announcement`,
  );
}

function schoolChecks(state: CeremonyState, schools: readonly BundleSchool[]): SchoolCheck[] {
  const drawn = state.schools.filter((school) => school.status !== 'skipped');
  const unknown = schools.filter((school) => !drawn.some((candidate) => candidate.name === school.name));
  return [
    ...drawn.map((school) => ({
      ...schoolCheck(
        school,
        schools.find((candidate) => candidate.name === school.name),
      ),
      resultFingerprint: school.draw === null ? null : resultFingerprint(school.draw.classOf),
    })),
    ...unknown.map((school) => ({
      ...fail(school.name, '计划中没有这所需分班的学校', 'the plan has no school by this name that needs a draw'),
      resultFingerprint: null,
    })),
  ];
}

/** The first difference between what the bundle says about a school and what the replay computed. */
function schoolCheck(replayed: SchoolRecord, stated: BundleSchool | undefined): Check {
  const name = replayed.name;
  if (stated === undefined) return fail(name, '证明包中没有该校的文件', 'the bundle has no file for this school');
  const recomputedHash = publishedRosterHash(stated.roster);
  if (recomputedHash !== stated.rosterHash) {
    return fail(
      name,
      `名单与其哈希不符（名单被改动）：文件记 ${stated.rosterHash}，按名单重算 ${recomputedHash}`,
      `the roster does not match its hash (the roster was altered): file says ${stated.rosterHash}, recomputed ${recomputedHash}`,
    );
  }
  const { draw, teachers, imported } = replayed;
  if (draw === null || teachers === null || imported === null) {
    return fail(
      name,
      '重放后该校未完成分班与教师团队抽选',
      'after the replay this school is not drawn with teacher teams',
    );
  }
  // The replay's import hashed the roster as the engine reads it: a file not in exactly that form (ranks other than
  // 1…N, classes not numbered by first appearance) was rewritten, even when it would give the same draw.
  if (imported.rosterHash !== stated.rosterHash) {
    return fail(
      name,
      `名单不是引擎读取的形式（学号应为名次，姓名类别应按首次出现编号）：文件记 ${stated.rosterHash}，重放得 ${imported.rosterHash}`,
      `the roster is not in the form the engine reads (ids must be ranks, name classes numbered by first appearance): file says ${stated.rosterHash}, the replay gives ${imported.rosterHash}`,
    );
  }
  const comparisons: readonly [string, string, unknown, unknown][] = [
    ['家长代表随机数', 'contribution', stated.draw.contribution, draw.contribution],
    ['种子', 'seed', stated.draw.seedHex, draw.seedHex],
  ];
  const differing = comparisons.find(([, , a, b]) => a !== b);
  if (differing !== undefined) {
    const [zh, en, a, b] = differing;
    return fail(
      name,
      `${zh}不符：文件记 ${String(a)}，重算 ${String(b)}`,
      `${en} differs: file says ${String(a)}, recomputed ${String(b)}`,
    );
  }
  const student = firstDifference(stated.draw.classOf, draw.classOf);
  if (student !== null) {
    const id = imported.roster.students[student]?.id ?? '?';
    const [a, b] = [stated.draw.classOf[student], draw.classOf[student]];
    const [fileFingerprint, recomputed] = [resultFingerprint(stated.draw.classOf), resultFingerprint(draw.classOf)];
    return fail(
      name,
      `分班结果不符：第 ${student + 1} 名学生（学号 ${id}）文件记 ${a ?? '无'} 班，重算 ${b ?? '无'} 班；` +
        `结果指纹：文件 ${fileFingerprint}，重算 ${recomputed}`,
      `classes differ: student ${student + 1} (id ${id}) is in class ${a ?? 'none'} in the file, ${b ?? 'none'} ` +
        `recomputed; result fingerprint: file ${fileFingerprint}, recomputed ${recomputed}`,
    );
  }
  if (canonicalJson(stated.teachers.draw) !== canonicalJson(teachers.draw)) {
    return fail(name, '教师团队抽签输入不符', 'the teacher lottery input differs');
  }
  const team = firstDifference(stated.teachers.teamOfClass, teachers.teamOfClass);
  if (team !== null) {
    const [a, b] = [stated.teachers.teamOfClass[team], teachers.teamOfClass[team]];
    return fail(
      name,
      `教师团队不符：${team + 1} 班文件记 ${a ?? '无'} 号团队，重算 ${b ?? '无'} 号`,
      `teacher teams differ: class ${team + 1} has team ${a ?? 'none'} in the file, ${b ?? 'none'} recomputed`,
    );
  }
  const classes = Math.max(...draw.classOf);
  const fingerprint = resultFingerprint(draw.classOf);
  return pass(
    name,
    `一致：${draw.classOf.length} 名学生、${classes} 个班及教师团队均与重算相同；` +
      `结果指纹 ${fingerprint}，应与该校打印名单上的结果指纹相同`,
    `match: ${draw.classOf.length} students, ${classes} classes and the teacher teams are as recomputed; ` +
      `result fingerprint ${fingerprint}, which the school's printed lists must carry`,
  );
}

/** The first index where the two lists differ (a missing element counts), or null when equal. */
function firstDifference(a: readonly number[], b: readonly number[]): number | null {
  const length = Math.max(a.length, b.length);
  for (let index = 0; index < length; index++) if (a[index] !== b[index]) return index;
  return null;
}
