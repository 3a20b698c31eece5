/**
 * The seal certificate the notary signs the day before: the software's hash, the plan's hash, the commitment to the
 * secret (as text and as a QR code), the time of sealing, the rules and the plan they seal.
 */
import { STAGE_NAME, type Plan } from '../../engine/ceremony/plan.ts';
import type { SealRecord } from '../../engine/ceremony/state.ts';
import { describeRules } from '../contract/rules-text.ts';
import { formatDateTime, UNFILLED_DATE_TIME } from '../contract/format.ts';
import type { DocumentContext } from './context.ts';
import {
  a4Document,
  docHead,
  escapeHtml,
  fingerprintBlock,
  label,
  qrFigure,
  shortHash,
  signatureLines,
  stampAreas,
  table,
} from './html.ts';

export function sealCertificateDocument(seal: SealRecord, plan: Plan, context: DocumentContext): string {
  // Blank lines to fill in by hand when the time is not known (the log has it whenever the seal was recorded).
  const sealedAt = context.sealedAt === null ? UNFILLED_DATE_TIME : formatDateTime(context.sealedAt, 'zh');
  const rules = describeRules(seal.rules).map(
    (rule) => `<li>${escapeHtml(rule.zh)} <span class="en">${escapeHtml(rule.en)}</span></li>`,
  );
  const schools = plan.schools.map((school) => [
    escapeHtml(school.name),
    STAGE_NAME[school.stage].zh,
    String(school.classes),
    String(school.cap),
    String(school.students),
    String(school.boys),
    String(school.girls),
    String(school.multiples),
  ]);
  const body =
    docHead(
      {
        event: context.event.title,
        zh: '阳光分班 封装证书',
        en: 'Sunshine Class Draw — seal certificate',
        subtitle: '本证书经公证员签字、盖章后生效 <span class="en">valid once signed and stamped by the notary</span>',
      },
      null,
    ) +
    fingerprintBlock([
      { zh: '软件哈希', en: 'build hash', value: seal.buildHash },
      { zh: '计划哈希', en: 'plan hash', value: seal.planHash },
      { zh: '随机密钥承诺', en: 'commitment to the secret', value: seal.commitment },
      ...(seal.publicValue === null
        ? []
        : [{ zh: '外部公开随机值来源', en: 'public value source', value: seal.publicValue.source }]),
      { zh: '封装时间', en: 'sealed at', value: sealedAt },
      { zh: '公证员', en: 'notary', value: context.event.notary === '' ? '________________' : context.event.notary },
    ]) +
    `<div class="qr-row">${qrFigure(seal.commitment, '随机密钥承诺', 'commitment')}` +
    `<p class="note">随机密钥在控制器内生成，封装时只公布其承诺 SHA-256（左侧二维码即承诺全文）；` +
    `仪式结束时公开密钥，任何人都可核对 SHA-256(密钥) 与本承诺一致，并用验证包重算每所学校的分班。` +
    `软件哈希可在封装的电脑上用 <code>npx sunshine build-hash</code> 重新计算。` +
    `<span class="en"> The secret is generated inside the controller; only its SHA-256 commitment (the QR code holds it ` +
    `in full) is published at the seal. The close reveals the secret: anyone can check SHA-256(secret) against this ` +
    `commitment and re-run every draw from the verification bundle. The build hash can be recomputed on the sealed ` +
    `machine with npx sunshine build-hash.</span></p></div>` +
    `<h2>${label('分班规则', 'Assignment rules')}</h2><ul class="note">${rules.join('')}</ul>` +
    `<h2>${label('封装的计划', 'The sealed plan')}</h2>` +
    table(
      [
        { zh: '学校', en: 'school' },
        { zh: '学段', en: 'stage' },
        { zh: '班级数', en: 'classes', number: true },
        { zh: '班额上限', en: 'cap', number: true },
        { zh: '学生数', en: 'students', number: true },
        { zh: '男生数', en: 'boys', number: true },
        { zh: '女生数', en: 'girls', number: true },
        { zh: '多胞胎数', en: 'multiples', number: true },
      ],
      schools,
    ) +
    `<section class="keep">` +
    signatureLines([
      { zh: '公证员', en: 'notary', name: context.event.notary },
      { zh: '操作员', en: 'operator', name: '' },
      { zh: '纪检监督', en: 'discipline inspector', name: '' },
      { zh: '见证人', en: 'witness', name: '' },
    ]) +
    stampAreas([
      { zh: '公证处（盖章）', en: 'notary office seal' },
      { zh: '区教育局（盖章）', en: 'bureau seal' },
    ]) +
    `</section>`;
  return a4Document(
    '阳光分班 封装证书',
    {
      runningHead: `${context.event.title}\u3000封装证书 seal certificate`,
      footerLeft:
        `软件 build ${shortHash(seal.buildHash)} · 计划 plan ${shortHash(seal.planHash)} · ` +
        `承诺 commitment ${shortHash(seal.commitment)}`,
      footerRight: '封装证书',
    },
    body,
  );
}
