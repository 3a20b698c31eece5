/**
 * One image per school for the bureau's WeChat account and local media: the classes with masked names (张*涵), their
 * balance figures, the commitment's fingerprint and a QR code to the school's result page. No other personal data.
 * The hall display's look (the display's hall theme, display/src/theme.css): near-black on warm white, red and gold accents.
 */
import type { SealRecord } from '../../engine/ceremony/state.ts';
import { fingerprint, formatDate, formatMean } from '../contract/format.ts';
import { maskName } from '../mask.ts';
import { resultUrl, shortUrl } from '../contract/public-links.ts';
import type { DocumentContext } from './context.ts';
import { FONT_FAMILY } from './fonts.ts';
import { checkZh, escapeHtml, htmlDocument, qrSvg } from './html.ts';
import { GRADE, type PublishedSchool } from './published.ts';

/** WeChat shows images 1080 pixels wide at full quality. */
export const MEDIA_WIDTH = 1080;

const CSS = `
*{box-sizing:border-box}
html{font-family:'${FONT_FAMILY}',sans-serif;background:#fbf8f2;color:#17130f;font-variant-numeric:tabular-nums}
body{margin:0;width:${MEDIA_WIDTH}px}
.band{background:#9e1b1b;color:#fff7e6;padding:36px 54px 30px;border-bottom:8px solid #d4a017}
.band .event{margin:0;font-size:24px;opacity:.92}
.band h1{margin:10px 0 4px;font-size:60px;letter-spacing:.06em;line-height:1.15}
.band .sub{margin:0;font-size:26px}
.en{font-size:.72em;opacity:.75;font-weight:400}
main{padding:30px 54px 10px}
.totals{display:flex;gap:18px;margin:0 0 26px}
.total{flex:1;background:#fff;border:2px solid #e7dccb;border-radius:14px;padding:14px 18px;text-align:center}
.total b{display:block;font-size:48px;line-height:1.1}
.total span{font-size:22px;color:#5b5046}
.classes{display:grid;grid-template-columns:1fr 1fr;gap:20px}
.class{background:#fff;border:2px solid #e7dccb;border-radius:14px;padding:16px 18px;break-inside:avoid}
.class header{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 14px;border-bottom:2px solid #f0e6d6;padding-bottom:8px;margin-bottom:10px}
.class h2{margin:0;font-size:40px;color:#9e1b1b;white-space:nowrap}
.class .figures{font-size:22px;color:#3b322a}
.means{font-size:19px;color:#5b5046;margin:0 0 8px}
.names{display:grid;grid-template-columns:repeat(4,1fr);gap:2px 8px;font-size:21px;margin:0;padding:0;list-style:none}
.checks{margin:26px 0 0;padding:16px 20px;background:#fff;border:2px solid #e7dccb;border-radius:14px;
  display:flex;flex-wrap:wrap;gap:8px 22px;font-size:21px;list-style:none}
footer{display:flex;gap:28px;align-items:center;margin:26px 54px 40px;padding:22px;border-top:4px solid #d4a017}
footer svg{width:220px;height:220px;flex:none}
footer p{margin:0 0 10px;font-size:22px}
footer .url{font-size:26px;font-weight:700;word-break:break-all}
footer .hash{font-family:'DejaVu Sans Mono',Consolas,monospace;font-size:24px}
`;

/** `publicUrl` is where the QR code sends phones: the public site serving the results, or the hall's controller. */
export function mediaSummaryDocument(
  school: PublishedSchool,
  seal: SealRecord,
  context: DocumentContext,
  publicUrl: string,
): string {
  const { plan, imported, draw } = school;
  const grade = GRADE[plan.stage];
  const students = imported.roster.students;
  const boys = students.filter((student) => student.gender === 'M').length;
  const url = resultUrl(publicUrl, plan.name);
  const subjects = imported.roster.subjects;
  const classes = school.classes.map((list, index) => {
    const means = subjects
      .map(
        (subject, s) => `${escapeHtml(subject)} ${formatMean(draw.report.classes[index]?.subjects[s]?.mean ?? null)}`,
      )
      .join(' · ');
    const team = list.team === null ? '' : ` · 教师团队 ${list.team} 号`;
    return (
      `<article class="class"><header><h2>${list.classNumber} 班</h2>` +
      `<span class="figures">${list.students.length} 人 · 男 ${list.boys} · 女 ${list.girls}${team}</span></header>` +
      (means === '' ? '' : `<p class="means">均分 ${means}</p>`) +
      `<ul class="names">${list.students.map((student) => `<li>${escapeHtml(maskName(student.name))}</li>`).join('')}</ul>` +
      `</article>`
    );
  });
  const checks = draw.report.checks.map((check) => `<li>${checkZh(check)}</li>`);
  const body =
    `<div class="band"><p class="event">${escapeHtml(context.event.title)}</p>` +
    `<h1>${escapeHtml(plan.name)} ${grade.zh}分班结果</h1>` +
    `<p class="sub">${escapeHtml(formatDate(context.event.date, 'zh'))} · 公开、随机、均衡 ` +
    `<span class="en">class lists, ${grade.en}: public, random, balanced</span></p></div>` +
    `<main><div class="totals">` +
    `<div class="total"><b>${students.length}</b><span>学生 students</span></div>` +
    `<div class="total"><b>${boys} / ${students.length - boys}</b><span>男 / 女 boys / girls</span></div>` +
    `<div class="total"><b>${plan.classes}</b><span>班级 classes</span></div></div>` +
    `<section class="classes">${classes.join('')}</section>` +
    `<ul class="checks">${checks.join('')}</ul></main>` +
    `<footer>${qrSvg(url)}<div>` +
    `<p>扫码查看本校完整公示名单 <span class="en">scan for the school's result page</span></p>` +
    `<p class="url">${escapeHtml(shortUrl(url))}</p>` +
    `<p>随机密钥承诺指纹 <span class="en">commitment fingerprint</span></p>` +
    `<p class="hash">${escapeHtml(fingerprint(seal.commitment))}</p>` +
    `<p class="en">姓名已部分隐去 · names partly masked</p></div></footer>`;
  return htmlDocument(`${plan.name} 分班结果`, CSS, body);
}
