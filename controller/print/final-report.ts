/**
 * The final report, printed after the close: the revealed secret beside the sealed commitment (as text and QR codes,
 * with the check that one hashes to the other), every school's fingerprints and inputs, and how anyone verifies.
 */
import { resultFingerprint } from '../../engine/ceremony/publication.ts';
import { commitment as commitmentOf } from '../../engine/ceremony/seed.ts';
import type { CeremonyState, SchoolRecord, SealRecord } from '../../engine/ceremony/state.ts';
import { formatDateTime } from '../contract/format.ts';
import { verifyUrl } from '../contract/public-links.ts';
import type { DocumentContext } from './context.ts';
import {
  a4Document,
  docHead,
  escapeHtml,
  fingerprintBlock,
  label,
  publicValueFingerprints,
  qrFigure,
  shortHash,
  signatureLines,
  stampAreas,
  type Fingerprint,
} from './html.ts';

const STATUS: Readonly<Record<SchoolRecord['status'], { zh: string; en: string }>> = {
  skipped: { zh: '只有 1 个班，无需分班', en: 'a single class: no draw' },
  waiting: { zh: '未导入', en: 'not imported' },
  imported: { zh: '已导入，未分班', en: 'imported, not drawn' },
  drawn: { zh: '已分班，未公示', en: 'drawn, not published' },
  published: { zh: '已公示', en: 'published' },
  'teachers-drawn': { zh: '已公示，教师团队已抽取', en: 'published, teacher teams drawn' },
};

/** `publicUrl` is where readers reach the /verify page; null prints the bundle's own verifier page only. */
export function finalReportDocument(
  state: CeremonyState,
  seal: SealRecord,
  context: DocumentContext,
  publicUrl: string | null,
): string {
  const matches = commitmentOf(seal.secretHex) === seal.commitment;
  const closedAt = context.closedAt === null ? '' : formatDateTime(context.closedAt, 'zh');
  const verifier = publicUrl === null ? null : verifyUrl(publicUrl);
  const schools = state.schools.map(
    (school) =>
      `<section class="keep"><h3>${escapeHtml(school.name)} ` +
      `<span class="en">${escapeHtml(STATUS[school.status].zh)} · ${STATUS[school.status].en}</span></h3>` +
      (school.status === 'skipped' ? '' : fingerprintBlock(schoolFingerprints(school))) +
      `</section>`,
  );
  const body =
    docHead(
      {
        event: context.event.title,
        zh: '阳光分班 仪式总报告',
        en: 'Sunshine Class Draw — final report',
        subtitle:
          `${closedAt === '' ? '' : `结束时间 ${escapeHtml(closedAt)} · `}${state.schools.length} 所学校 ` +
          `<span class="en">${state.schools.length} schools</span>`,
      },
      null,
    ) +
    `<h2>${label('密钥公开与核对', 'The secret revealed and checked')}</h2>` +
    fingerprintBlock([
      { zh: '公开的密钥', en: 'revealed secret', value: seal.secretHex },
      { zh: '封装时的承诺', en: 'commitment at the seal', value: seal.commitment },
      {
        zh: '核对 SHA-256(密钥)',
        en: 'check SHA-256(secret)',
        value: matches ? '✓ 与承诺一致 / matches the commitment' : '✗ 与承诺不一致 / does NOT match the commitment',
      },
      { zh: '计划哈希', en: 'plan hash', value: seal.planHash },
      { zh: '软件哈希', en: 'build hash', value: seal.buildHash },
      ...publicValueFingerprints(seal),
    ]) +
    `<div class="qr-row">${qrFigure(seal.commitment, '承诺', 'commitment')}` +
    `${qrFigure(seal.secretHex, '公开的密钥', 'revealed secret')}` +
    (verifier === null ? '' : qrFigure(verifier, '验证页面', 'verifier page')) +
    `</div>` +
    `<h2>${label('如何复核', 'How to verify')}</h2><ol class="note">` +
    `<li>取得验证包：在仪式电脑上运行 <code>npx sunshine export bundle --out 验证包</code>，` +
    `区教育局公布该文件夹。<span class="en">Get the verification bundle (written on the ceremony machine with the ` +
    `command above and published by the bureau).</span></li>` +
    `<li>运行 <code>npx sunshine verify 验证包</code>：核对承诺、审计链，并重算每所学校的分班，` +
    `每校一行 ✓。<span class="en">Run npx sunshine verify: it checks the commitment and the audit chain and ` +
    `re-runs every school's draw, one ✓ line per school.</span></li>` +
    `<li>或用浏览器打开验证页面${verifier === null ? '' : ` ${escapeHtml(verifier)}`}` +
    `（验证包内也有 verifier.html），选择验证包文件夹。` +
    `<span class="en">Or open the verifier page${verifier === null ? '' : ` ${escapeHtml(verifier)}`} (also ` +
    `verifier.html in the bundle) and choose the bundle folder.</span></li>` +
    `<li>手工核对：SHA-256(公开的密钥) 应等于封装证书上的承诺；每校名单哈希、种子与结果指纹应与验证包一致` +
    `（结果指纹 = SHA-256(classOf 的规范 JSON)）。<span class="en">By hand: SHA-256(secret) must equal the commitment ` +
    `on the seal certificate; each school's roster hash, seed and result fingerprint must match the bundle (result ` +
    `fingerprint = SHA-256 of the canonical JSON of classOf).</span></li></ol>` +
    `<h2>${label('各校记录', 'Every school')}</h2>${schools.join('')}` +
    `<section class="keep">` +
    signatureLines([
      { zh: '公证员', en: 'notary', name: context.event.notary },
      { zh: '操作员', en: 'operator', name: '' },
      { zh: '纪检监督', en: 'discipline inspector', name: '' },
      { zh: '区教育局负责人', en: 'bureau head', name: '' },
    ]) +
    stampAreas([{ zh: '区教育局（盖章）', en: 'bureau seal' }]) +
    `</section>`;
  return a4Document(
    '阳光分班 仪式总报告',
    {
      runningHead: `${context.event.title}\u3000仪式总报告 final report`,
      footerLeft:
        `计划 plan ${shortHash(seal.planHash)} · 承诺 commitment ${shortHash(seal.commitment)} · ` +
        `密钥 secret ${shortHash(seal.secretHex)}`,
      footerRight: '仪式总报告',
    },
    body,
  );
}

function schoolFingerprints(school: SchoolRecord): Fingerprint[] {
  const { imported, draw, teachers } = school;
  return [
    ...(imported === null
      ? []
      : [
          { zh: '名单哈希', en: 'roster hash', value: imported.rosterHash },
          { zh: '学生人数', en: 'students', value: String(imported.roster.students.length) },
        ]),
    ...(draw === null
      ? []
      : [
          { zh: '家长代表随机数', en: "parents' contribution", value: draw.contribution },
          { zh: '分班种子', en: 'draw seed', value: draw.seedHex },
          { zh: '结果指纹', en: 'result fingerprint', value: resultFingerprint(draw.classOf) },
        ]),
    ...(teachers === null
      ? []
      : [
          {
            zh: '教师团队',
            en: 'teacher teams',
            value:
              (teachers.draw.kind === 'lottery' ? `随机数 ${teachers.draw.contribution} 抽取：` : '现场信封抽签：') +
              teachers.teamOfClass.map((team, index) => `${index + 1}班←${team}号`).join(' '),
          },
        ]),
  ];
}
