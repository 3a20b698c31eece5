/**
 * The verification bundle end to end: a whole demo ceremony → bundle → verify passes; then every field that matters
 * is tampered with, one at a time, and the verifier must fail naming it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createBundle,
  schoolFileName,
  type Bundle,
  type BundleEntry,
  type BundleSchool,
  type Certificate,
} from '../engine/ceremony/bundle.ts';
import type { Plan } from '../engine/ceremony/plan.ts';
import { canonicalJson, publishedRosterHash } from '../engine/ceremony/canonical.ts';
import type { CeremonyState } from '../engine/ceremony/state.ts';
import { SUBJECT, verifyBundle, type Check, type Verification } from '../engine/ceremony/verify.ts';
import { resultFingerprint } from '../engine/ceremony/publication.ts';
import { DEFAULT_PRESENTATION } from '../controller/contract/presentation.ts';
import type { DocumentContext } from '../controller/print/context.ts';
import { printJob } from '../controller/print/documents.ts';
import { toSnapshot } from '../controller/snapshot.ts';
import { openCeremony } from '../controller/ceremony.ts';
import { demoRequests, FIXED_SERVICES, tempDataDir } from './support/demo-ceremony.ts';

/** A writable copy of the bundle's data, to tamper with. */
type Writable<T> = T extends readonly (infer Item)[]
  ? Writable<Item>[]
  : T extends object
    ? { -readonly [Key in keyof T]: Writable<T[Key]> }
    : T;

/** The bundle's files as a verifier reads them from disk, free to edit. */
interface Files {
  certificate: Writable<Certificate>;
  plan: Writable<Plan>;
  audit: Writable<BundleEntry>[];
  schools: { file: string; content: Writable<BundleSchool> }[];
}

/** The part of a command entry's body the tampering reaches into. */
interface CommandBody {
  command: { type: string; school?: string; contribution?: string };
}

let state: CeremonyState;
let bundle: Bundle;

beforeAll(async () => {
  const { service, log } = openCeremony(tempDataDir(), FIXED_SERVICES);
  const requests = await demoRequests('primary');
  for (const request of requests) expect((await service.submit(request, 'test')).ok).toBe(true);
  // One refusal in the chain too: its messages and details are redacted, its links still checked.
  expect((await service.submit(requests[0], 'test')).ok).toBe(false);
  state = service.state;
  bundle = createBundle(state, log.chain())!;
  log.close();
});

function files(): Files {
  const copy = JSON.parse(JSON.stringify(bundle)) as Writable<Bundle>;
  return { ...copy, schools: copy.schools.map((content) => ({ file: schoolFileName(content.name), content })) };
}

const verify = (input: Files): Verification => verifyBundle(input);
const failures = (checks: readonly Check[]) => checks.filter((check) => !check.ok);

describe('the verification bundle', () => {
  it('is refused before the close, when the secret must stay hidden', () => {
    expect(createBundle({ ...state, phase: 'unsealed' }, [])).toBeNull();
  });

  it('shows the secret in the snapshot once closed, and never before', () => {
    const secretHex = state.seal!.secretHex;
    expect(toSnapshot(state, 'public').seal!.secretHex).toBe(secretHex);
    for (const phase of ['sealed', 'previewed', 'unsealed'] as const) {
      expect(JSON.stringify(toSnapshot({ ...state, phase }, 'hall'))).not.toContain(secretHex);
    }
  });

  it('verifies a whole ceremony: commitment, chain, certificate, replay and every school match', () => {
    const verification = verify(files());
    expect(failures([...verification.checks, ...verification.schools])).toEqual([]);
    expect(verification.ok).toBe(true);
    expect(verification.checks.map((check) => check.subject)).toEqual([
      SUBJECT.commitment,
      SUBJECT.chain,
      SUBJECT.certificate,
      SUBJECT.replay,
    ]);
    const drawn = state.schools.filter((school) => school.status !== 'skipped').map((school) => school.name);
    expect(verification.schools.map((check) => check.subject)).toEqual(drawn);
  });

  it('holds no ID numbers, no school student ids and no passphrase-free secret before the close', () => {
    const published = canonicalJson(bundle);
    for (const school of state.schools) {
      for (const student of school.imported?.roster.students ?? []) {
        expect(published).not.toContain(student.id);
        if (student.idCard !== null) expect(published).not.toContain(student.idCard);
      }
    }
    // Ranks instead of ids give the very same draw: the seed commits to the roster as published.
    for (const school of bundle.schools) expect(publishedRosterHash(school.roster)).toBe(school.rosterHash);
  });

  const drawEntry = (input: Files, school: string) =>
    input.audit
      .map((entry) => entry.body as CommandBody)
      .find((body) => body.command?.type === 'school:draw' && body.command.school === school)!;

  const cases: readonly {
    readonly what: string;
    readonly tamper: (input: Files) => void;
    /** The failing checks, each as [subject or school index, a phrase of its Chinese message]. */
    readonly expected: readonly (readonly [string | number, string])[];
  }[] = [
    {
      what: 'a class number in a school file',
      tamper: ({ schools }) => {
        const classOf = schools[0]!.content.draw.classOf;
        classOf[3] = (classOf[3]! % Math.max(...classOf)) + 1;
      },
      expected: [[0, '分班结果不符：第 4 名学生']],
    },
    {
      what: 'a contribution in a school file',
      tamper: ({ schools }) => void (schools[0]!.content.draw.contribution = '20260821'),
      expected: [[0, '家长代表随机数不符']],
    },
    {
      what: 'a contribution in the audit chain',
      tamper: (input) => void (drawEntry(input, input.schools[1]!.content.name).command.contribution = '1'),
      expected: [
        [SUBJECT.chain, '内容与其哈希不符'],
        [1, '家长代表随机数不符'],
      ],
    },
    {
      what: 'the revealed secret',
      tamper: ({ certificate }) => void (certificate.secretHex = '08'.repeat(32)),
      expected: [
        [SUBJECT.commitment, '与封装承诺'],
        [SUBJECT.certificate, '密钥与审计链中的封装记录不符'],
      ],
    },
    {
      what: 'a name class in a roster (two students made namesakes)',
      tamper: ({ schools }) => {
        const [first, second] = schools[2]!.content.roster.students;
        first!.nameClasses = { ...first!.nameClasses!, exact: second!.nameClasses!.exact };
      },
      expected: [[2, '名单与其哈希不符']],
    },
    {
      what: 'a name class renumbered with the hash recomputed (the same draw, but not the published roster)',
      tamper: ({ schools }) => {
        const school = schools[2]!.content;
        const classes = school.roster.students.map((student) => student.nameClasses!.exact);
        const loner = classes.findIndex((exact) => classes.indexOf(exact) === classes.lastIndexOf(exact));
        school.roster.students[loner]!.nameClasses!.exact = classes.length + 1;
        school.rosterHash = publishedRosterHash(school.roster);
      },
      expected: [[2, '名单不是引擎读取的形式']],
    },
    {
      what: 'a name put back into a roster',
      tamper: ({ schools }) => void (schools[2]!.content.roster.students[0]!.name = '王小明'),
      expected: [[SUBJECT.files, '格式无效：roster.students.0.name']],
    },
    {
      what: 'a bundle of an earlier format, whose rosters held names',
      tamper: ({ certificate }) => void ((certificate as { format: string }).format = 'sunshine-class-draw/bundle/v2'),
      expected: [[SUBJECT.files, '旧版格式 sunshine-class-draw/bundle/v2']],
    },
    {
      what: 'a gender in a roster (the import no longer matches the sealed figures)',
      tamper: ({ schools }) => {
        const student = schools[2]!.content.roster.students[0]!;
        student.gender = student.gender === 'M' ? 'F' : 'M';
      },
      expected: [
        [SUBJECT.replay, '名单与封装时申报的数字不一致'],
        [0, '重放后该校未完成'],
        [1, '重放后该校未完成'],
        [2, '名单与其哈希不符'],
      ],
    },
    {
      what: 'a roster attribute with its hash recomputed',
      tamper: ({ schools }) => {
        const school = schools[2]!.content;
        school.roster.students[0]!.birthDate = '2019-01-01';
        school.rosterHash = publishedRosterHash(school.roster);
      },
      expected: [[2, '种子不符']],
    },
    {
      what: 'an audit entry',
      tamper: ({ audit }) => void (audit[2]!.at = '2026-08-20T09:00:01.000Z'),
      expected: [[SUBJECT.chain, '第 3 条记录：内容与其哈希不符']],
    },
    {
      what: 'a removed audit entry (the close)',
      tamper: ({ audit }) => void audit.splice(-2, 1),
      expected: [
        [SUBJECT.chain, '条记录缺失'],
        [SUBJECT.replay, '重放后仪式尚未结束'],
      ],
    },
    {
      what: 'a malformed command in the audit chain',
      tamper: (input) => {
        const { command } = drawEntry(input, input.schools[0]!.content.name);
        (command as { contribution: unknown }).contribution = 4711;
      },
      expected: [
        [SUBJECT.chain, '内容与其哈希不符'],
        [SUBJECT.replay, '不是有效的命令：字段 command.contribution 无效'],
        [0, '重放后该校未完成'],
        [1, '重放后该校未完成'],
        [2, '重放后该校未完成'],
      ],
    },
    {
      what: 'the rules on the certificate',
      tamper: ({ certificate }) => void (certificate.rules.extremes = 3),
      expected: [[SUBJECT.certificate, '分班规则与审计链中的封装记录不符']],
    },
    {
      what: 'a teacher team',
      tamper: ({ schools }) => {
        const teams = schools[1]!.content.teachers.teamOfClass;
        [teams[0], teams[1]] = [teams[1]!, teams[0]!];
      },
      expected: [[1, '教师团队不符：1 班']],
    },
    {
      what: 'a malformed file',
      tamper: ({ schools }) => void (schools[0]!.content.draw.seedHex = 'not hex'),
      expected: [[SUBJECT.files, '格式无效：draw.seedHex']],
    },
  ];

  it.each(cases)('fails naming $what', ({ tamper, expected }) => {
    const input = files();
    tamper(input);
    const verification = verify(input);
    expect(verification.ok).toBe(false);
    const subjects = expected.map(([subject]) =>
      typeof subject === 'number' ? input.schools[subject]!.content.name : subject,
    );
    const failed = failures([...verification.checks, ...verification.schools]);
    expect(failed.map((check) => check.subject)).toEqual(subjects);
    failed.forEach((check, index) => {
      expect(check.zh).toContain(expected[index]![1]);
      expect(check.en).not.toBe('');
    });
  });
});

describe('the result fingerprint, on the printed lists and from the verifier', () => {
  const context: DocumentContext = { event: DEFAULT_PRESENTATION.event, sealedAt: null, closedAt: null };

  /** The full result fingerprint the school's printed lists carry, read from their HTML as an auditor reads paper. */
  function printedFingerprint(from: CeremonyState, school: string): string {
    const job = printJob(from, context, { kind: 'school-lists', school });
    if ('reason' in job) throw new Error(job.en);
    const printed =
      /结果指纹 <span class="en">result fingerprint<\/span><\/dt><dd class="mono">([0-9a-f ]+)<\/dd>/.exec(
        job.copies[0]!,
      );
    if (printed === null) throw new Error(`the lists of ${school} carry no result fingerprint`);
    return printed[1]!.replaceAll(' ', '');
  }

  it('is printed by the verifier for every school exactly as the printed lists carry it', () => {
    const { schools } = verify(files());
    expect(schools.length).toBeGreaterThan(1);
    for (const check of schools) {
      const printed = printedFingerprint(state, check.subject);
      expect(printed).toMatch(/^[0-9a-f]{64}$/);
      expect(check.resultFingerprint).toBe(printed);
      expect(check.zh).toContain(`结果指纹 ${printed}`);
      expect(check.en).toContain(`result fingerprint ${printed}`);
    }
    // One fingerprint per result: no two schools print the same.
    expect(new Set(schools.map((check) => check.resultFingerprint)).size).toBe(schools.length);
  });

  it('differs on lists printed from a changed class, and the verifier names the file’s and the recomputed one', () => {
    const name = bundle.schools[0]!.name;
    const classOf = [...state.schools.find((school) => school.name === name)!.draw!.classOf];
    // Two students of different classes change places: every class keeps its size, the result is another.
    const other = classOf.findIndex((classNumber) => classNumber !== classOf[0]);
    [classOf[0], classOf[other]] = [classOf[other]!, classOf[0]!];
    const changed: CeremonyState = {
      ...state,
      schools: state.schools.map((school) =>
        school.name === name ? { ...school, draw: { ...school.draw!, classOf } } : school,
      ),
    };
    const printed = printedFingerprint(state, name);
    expect(printedFingerprint(changed, name)).toBe(resultFingerprint(classOf));
    expect(printedFingerprint(changed, name)).not.toBe(printed);

    const input = files();
    input.schools[0]!.content.draw.classOf = classOf;
    const check = verify(input).schools[0]!;
    expect(check.ok).toBe(false);
    expect(check.resultFingerprint).toBe(printed);
    expect(check.zh).toContain(`结果指纹：文件 ${resultFingerprint(classOf)}，重算 ${printed}`);
  });
});
