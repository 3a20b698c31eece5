/**
 * The public result pages as HTML: one renderer for the controller's pages and the static export, which differ only
 * in their links and in where the lookup runs. Mobile-first and tiny: one inline style sheet, the phone's own CJK
 * font, no script on the controller's pages (the static site adds lookup.js for its lookup). Chinese first. The
 * pages' security policy (server/security.ts) lets in no inline code but this style sheet, by its hash.
 */
import { STAGE_NAME } from '../../engine/ceremony/plan.ts';
import type { PublicStatus } from '../../engine/ceremony/publication.ts';
import { formatDate } from '../contract/format.ts';
import type { Bilingual, LookupOutcome } from './lookup.ts';
import { MAX_QUERY_LENGTH } from './lookup.ts';
import type { PublicCeremony, PublicSchool, PublicVerification, PublishedResult } from './model.ts';

/** Where a page's links lead: absolute paths on the controller, relative ones in the static export. */
export interface SiteLinks {
  readonly index: string;
  readonly school: (name: string) => string;
  /** The offline verifier page; null when it is not built. */
  readonly verifier: string | null;
  /** The verification bundle; null when it is not published alongside. */
  readonly bundle: string | null;
}

/** The controller answers a posted form; the static site's lookup.js answers from the sealed file in the page. */
export type LookupForm =
  | { readonly kind: 'server'; readonly action: string }
  | { readonly kind: 'static'; readonly script: string; readonly data: string };

/** Seconds between reloads of a page that waits for the ceremony (a school not yet published, the index). */
const WAITING_REFRESH_SECONDS = 30;

const STATUS: Readonly<Record<PublicStatus, Bilingual>> = {
  'single-class': { zh: '单班学校，无需分班', en: 'single class: no draw' },
  'not-drawn': { zh: '尚未分班', en: 'not drawn yet' },
  'awaiting-publication': { zh: '已分班，待公示', en: 'drawn, to be published' },
  published: { zh: '已公示', en: 'published' },
};

/** The pages' one style sheet, inline: a phone gets a page in one request. */
export const PAGE_STYLE = `:root{--ink:#1b1b1b;--mute:#5c5f66;--line:#dedcd6;--card:#f6f4ef;--red:#a8201a;--ok:#1d6b32}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);background:#fff;font:16px/1.55 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;font-variant-numeric:tabular-nums;-webkit-text-size-adjust:100%}
header,main,footer{max-width:46rem;margin:0 auto;padding:0 1rem}
header{padding-top:.75rem;border-bottom:3px solid var(--red)}
h1{font-size:1.45rem;line-height:1.3;margin:.2rem 0 .4rem}
h2{font-size:1.15rem;margin:1.6rem 0 .5rem}
.en{color:var(--mute);font-size:.82em;font-weight:400}
.kicker{margin:0;color:var(--red);font-weight:600}
.sub{margin:0 0 .6rem}
a{color:#0b57a4}
.badge{display:inline-block;padding:0 .55rem;border-radius:1rem;background:var(--card);border:1px solid var(--line);font-size:.9em}
.badge.published{border-color:var(--ok);color:var(--ok)}
.schools{padding:0;list-style:none}
.schools li{border-bottom:1px solid var(--line);padding:.6rem 0}
.schools a{font-size:1.1rem;font-weight:600}
.jump{display:flex;flex-wrap:wrap;gap:.4rem;padding:0;margin:.5rem 0;list-style:none}
.jump a{display:block;min-width:2.9rem;padding:.3rem .45rem;text-align:center;border:1px solid var(--line);border-radius:.4rem;text-decoration:none}
.class{border:1px solid var(--line);border-radius:.5rem;padding:.1rem .8rem .4rem;margin:.8rem 0}
.class h3{margin:.5rem 0 .1rem;font-size:1.15rem}
.facts{margin:0;color:var(--mute);font-size:.92em}
.names{display:grid;grid-template-columns:repeat(auto-fill,minmax(4.6em,1fr));gap:.1rem .6rem;padding:0;margin:.5rem 0;list-style:none}
form{display:grid;gap:.6rem;background:var(--card);padding:.8rem;border-radius:.5rem}
label{display:grid;gap:.2rem}
input{font:inherit;padding:.55rem .6rem;border:1px solid #8a8a8a;border-radius:.4rem;width:100%}
button{font:inherit;font-weight:600;padding:.6rem;border:0;border-radius:.4rem;background:var(--red);color:#fff}
.answer{display:block;margin:.8rem 0;padding:.6rem .8rem;border-radius:.5rem;background:var(--card);border-left:4px solid var(--mute)}
.answer p{margin:.2rem 0}
.answer[data-found=true]{border-left-color:var(--ok)}
.answer[data-found=true] .zh{font-size:1.2rem;font-weight:600}
.scroll{overflow-x:auto}
table{border-collapse:collapse;font-size:.9rem}
th,td{padding:.3rem .55rem;border-bottom:1px solid var(--line);text-align:right;white-space:nowrap}
th:first-child,td:first-child{text-align:left}
.checks{padding:0;list-style:none}
.checks li{margin:.3rem 0}
dl{margin:0}
dt{margin-top:.5rem;font-weight:600}
dd{margin:0}
code{font-size:.8rem;word-break:break-all}
.note{color:var(--mute);font-size:.9em}
footer{margin-top:2rem;padding-bottom:2rem;border-top:1px solid var(--line);color:var(--mute);font-size:.85em}`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Chinese, then the English in smaller grey type; escaped. */
function both(text: Bilingual, separator = ' '): string {
  return `${escapeHtml(text.zh)}${separator}<span class="en" lang="en">${escapeHtml(text.en)}</span>`;
}

interface PageParts {
  readonly title: string;
  readonly heading: string;
  readonly sub: string;
  readonly main: string;
  readonly refresh: boolean;
}

function page({ title, heading, sub, main, refresh }: PageParts): string {
  return (
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width,initial-scale=1">' +
    (refresh ? `<meta http-equiv="refresh" content="${WAITING_REFRESH_SECONDS}">` : '') +
    `<title>${escapeHtml(title)}</title><style>${PAGE_STYLE}</style></head><body>` +
    `<header><p class="kicker">阳光分班 · 分班结果公示 <span class="en" lang="en">Class assignment results</span></p>` +
    `<h1>${heading}</h1><p class="sub">${sub}</p></header><main>${main}</main>` +
    '<footer><p>公示名单隐去了姓名中间的字，不含身份证号；查询只显示所查学生的完整姓名和班级。<br>' +
    '<span lang="en">Names are partly masked and no ID numbers are shown; a lookup shows only that student’s full ' +
    'name and class.</span></p></footer></body></html>'
  );
}

function stageLine(school: PublicSchool): string {
  const stage = STAGE_NAME[school.stage];
  return both({
    zh: `${stage.zh} · ${school.classCount} 个班`,
    en: `${stage.en} · ${school.classCount} ${school.classCount === 1 ? 'class' : 'classes'}`,
  });
}

function badge(status: PublicStatus): string {
  return `<span class="badge ${status}">${both(STATUS[status])}</span>`;
}

/** The results index: every school of the plan with its status, each linking to its page. */
export function renderIndex(ceremony: PublicCeremony, links: SiteLinks): string {
  const schools =
    ceremony.schools.length === 0
      ? `<p>${both({ zh: '分班计划尚未确定。', en: 'The plan is not set yet.' })}</p>`
      : '<ul class="schools">' +
        ceremony.schools
          .map(
            (school) =>
              `<li><a href="${escapeHtml(links.school(school.name))}">${escapeHtml(school.name)}</a><br>` +
              `${stageLine(school)} ${badge(school.status)}</li>`,
          )
          .join('') +
        '</ul>';
  const waiting = ceremony.schools.some(
    (school) => school.status === 'not-drawn' || school.status === 'awaiting-publication',
  );
  return page({
    title: '分班结果公示 Class assignment results',
    heading: both({ zh: '各校分班结果', en: 'Results by school' }, '<br>'),
    sub: both({ zh: `共 ${ceremony.schools.length} 所学校`, en: `${ceremony.schools.length} schools` }),
    main: schools + verificationSection(ceremony.verification, null, links),
    refresh: waiting,
  });
}

/** A school's page: its class lists and balance once published; until then a notice that reloads itself. */
export function renderSchool(
  school: PublicSchool,
  verification: PublicVerification,
  links: SiteLinks,
  lookup: LookupForm,
): string {
  const parts = {
    title: `${school.name} 分班结果`,
    heading: escapeHtml(school.name),
    sub: `${stageLine(school)} ${badge(school.status)}`,
  };
  const back = `<p><a href="${escapeHtml(links.index)}">← ${both({ zh: '全部学校', en: 'all schools' })}</a></p>`;
  if (school.result === null) {
    const notice =
      school.status === 'single-class'
        ? {
            zh: '本校只有 1 个班，所有新生同在一班，无需分班。',
            en: 'This school has one class: every new student is in it.',
          }
        : {
            zh: '尚未公示。本页每 30 秒自动刷新，公示后即显示各班名单。',
            en: 'Not published yet. This page reloads every 30 seconds and shows the class lists once published.',
          };
    return page({
      ...parts,
      main: `<p class="answer">${both(notice, '<br>')}</p>${back}`,
      refresh: school.status !== 'single-class',
    });
  }
  const { result } = school;
  const jump =
    '<ul class="jump">' +
    result.classes.map((c) => `<li><a href="#class-${c.classNumber}">${c.classNumber} 班</a></li>`).join('') +
    '</ul>';
  return page({
    ...parts,
    main:
      back +
      lookupSection(school.name, lookup) +
      `<h2>${both({ zh: '各班名单', en: 'Class lists' })}</h2>${jump}` +
      classCards(result) +
      balanceSection(result) +
      verificationSection(verification, result, links),
    refresh: false,
  });
}

function classCards(result: PublishedResult): string {
  return result.classes
    .map((c) => {
      const team = c.teacherTeam === null ? '' : ` · 教师团队 ${c.teacherTeam} 号`;
      const teamEn = c.teacherTeam === null ? '' : ` · teacher team ${c.teacherTeam}`;
      const names = c.students.map((name) => `<li>${escapeHtml(name)}</li>`).join('');
      return (
        `<section class="class" id="class-${c.classNumber}">` +
        `<h3>${c.classNumber} 班 <span class="en" lang="en">Class ${c.classNumber}</span></h3>` +
        `<p class="facts">${both({
          zh: `${c.size} 人 · 男 ${c.boys} · 女 ${c.girls}${team}`,
          en: `${c.size} students · ${c.boys} boys · ${c.girls} girls${teamEn}`,
        })}</p><ol class="names">${names}</ol></section>`
      );
    })
    .join('');
}

function balanceSection(result: PublishedResult): string {
  const header =
    `<tr><th>班级</th><th>人数</th><th>男</th><th>女</th>` +
    result.subjects.map((subject) => `<th>${escapeHtml(subject)}</th>`).join('') +
    '<th>平均出生日期</th></tr>';
  const rows = result.classes
    .map(
      (c) =>
        `<tr><td>${c.classNumber} 班</td><td>${c.size}</td><td>${c.boys}</td><td>${c.girls}</td>` +
        c.subjectMeans.map((mean) => `<td>${mean === null ? '—' : mean.toFixed(2)}</td>`).join('') +
        `<td>${c.meanBirthDate === null ? '—' : formatDate(c.meanBirthDate, 'zh')}</td></tr>`,
    )
    .join('');
  const spreads: Bilingual[] = result.subjects.map((subject, s) => ({
    zh: `${subject}：各班平均分最多相差 ${result.subjectMeanRanges[s]!.toFixed(2)} 分`,
    en: `${subject}: class means differ by at most ${result.subjectMeanRanges[s]!.toFixed(2)} points`,
  }));
  if (result.birthDateMeanRangeDays !== null) {
    const days = Math.round(result.birthDateMeanRangeDays);
    spreads.push({
      zh: `年龄：各班平均出生日期最多相差 ${days} 天`,
      en: `Age: class mean birth dates differ by at most ${days} days`,
    });
  }
  const lines = [
    ...result.checks.map((check) => ({
      mark: check.ok ? '✓' : '✗',
      text: {
        zh: `${check.zh} ${check.value}（上限 ${check.limit}）`,
        en: `${check.en}: ${check.value} (limit ${check.limit})`,
      },
    })),
    ...spreads.map((text) => ({ mark: '·', text })),
    ...result.relaxations.map((relaxation) => ({ mark: '⚠', text: relaxation })),
  ];
  return (
    `<h2>${both({ zh: '均衡情况', en: 'Balance' })}</h2>` +
    `<div class="scroll"><table>${header}${rows}</table></div>` +
    `<ul class="checks">${lines.map((line) => `<li>${line.mark} ${both(line.text)}</li>`).join('')}</ul>`
  );
}

function verificationSection(
  verification: PublicVerification,
  result: PublishedResult | null,
  links: SiteLinks,
): string {
  const item = (term: Bilingual, value: string) => `<dt>${both(term)}</dt><dd>${value}</dd>`;
  const code = (text: string) => `<code>${escapeHtml(text)}</code>`;
  const entries = [
    result === null ? '' : item({ zh: '家长代表随机数', en: "parents' contribution" }, code(result.contribution)),
    result === null ? '' : item({ zh: '本校种子', en: "this school's seed" }, code(result.seedHex)),
    result === null ? '' : item({ zh: '结果指纹', en: 'result fingerprint' }, code(result.resultFingerprint)),
    verification.commitment === null
      ? ''
      : item({ zh: '封装承诺值', en: 'seal commitment' }, code(verification.commitment)),
    verification.publicValue === null
      ? ''
      : item(
          { zh: '外部公开随机值', en: 'external public value' },
          `${escapeHtml(verification.publicValue.source)}：${
            verification.publicValue.value === null
              ? both({ zh: '尚未公布', en: 'not announced yet' })
              : code(verification.publicValue.value)
          }`,
        ),
    verification.commitment === null
      ? ''
      : item(
          { zh: '封装密钥', en: 'seal secret' },
          verification.secretHex === null
            ? both({ zh: '仪式结束时公开', en: 'revealed at the close' })
            : code(verification.secretHex),
        ),
  ].join('');
  const linkItems = [
    links.verifier === null
      ? ''
      : `<li><a href="${escapeHtml(links.verifier)}">${both({ zh: '离线验证页面', en: 'offline verifier' })}</a></li>`,
    links.bundle === null
      ? ''
      : `<li><a href="${escapeHtml(links.bundle)}">${both({ zh: '验证包', en: 'verification bundle' })}</a></li>`,
  ].join('');
  return (
    `<h2>${both({ zh: '公开核验', en: 'Verification' })}</h2>` +
    `<p class="note">${both(
      {
        zh: '仪式结束后，任何人都可以用验证包和离线验证页面重算每所学校的分班，结果必须与公示名单一致。',
        en: 'After the close anyone can re-run every school’s draw from the verification bundle with the offline verifier; it must give the published lists.',
      },
      '<br>',
    )}</p>` +
    (entries === '' ? '' : `<dl>${entries}</dl>`) +
    (linkItems === '' ? '' : `<ul>${linkItems}</ul>`)
  );
}

function lookupSection(school: string, lookup: LookupForm): string {
  const attributes =
    lookup.kind === 'server'
      ? `method="post" action="${escapeHtml(lookup.action)}"`
      : `data-lookup="${escapeHtml(lookup.data)}" data-school="${escapeHtml(school)}"`;
  const field = (name: string, label: Bilingual, extra: string) =>
    `<label>${both(label)}<input name="${name}" maxlength="${MAX_QUERY_LENGTH}" autocomplete="off" ${extra}></label>`;
  const staticParts =
    lookup.kind === 'static'
      ? '<output class="answer" hidden aria-live="polite"></output>' +
        `<noscript><p class="answer">${both({ zh: '查询需要浏览器启用 JavaScript。', en: 'The lookup needs JavaScript.' })}</p></noscript>` +
        `<script src="${escapeHtml(lookup.script)}" defer></script>`
      : '';
  return (
    `<h2 id="lookup">${both({ zh: '查询学生班级', en: "Find a student's class" })}</h2>` +
    `<form ${attributes}>` +
    field('name', { zh: '学生姓名', en: "student's name" }, 'required') +
    field(
      'code',
      { zh: '完整的身份证号（18 位），或学籍号', en: 'the full ID number (18 characters), or the student number' },
      'required autocapitalize="characters" spellcheck="false"',
    ) +
    `<button type="submit">查询 <span lang="en">Look up</span></button></form>${staticParts}` +
    `<p class="note">${both({
      zh: '没有身份证号的学生请用学籍号查询。所填号码只用于核对，不会显示。',
      en: 'For a student without an ID number, use the student number (学籍号). The number is only compared, never shown.',
    })}</p>`
  );
}

const NOT_FOUND: Bilingual = {
  zh: '未找到：没有与该姓名及身份证号（或学籍号）都相符的学生。请核对后再试。',
  en: 'Not found: no student matches both this name and this ID number (or this student number).',
};

/**
 * A lookup's answer, each student found linking to the class list; the same markup from the controller and from the
 * static site's lookup.js. A miss reads the same whichever half was wrong.
 */
export function renderAnswer(outcome: LookupOutcome, classHref: (classNumber: number) => string): string {
  const line = (text: Bilingual) => `<p>${both(text, '<br>')}</p>`;
  switch (outcome.kind) {
    case 'found':
      return outcome.matches
        .map(
          (match) =>
            `<p class="zh">${escapeHtml(`${match.name}：${match.classNumber} 班`)}</p>` +
            `<p><a href="${escapeHtml(classHref(match.classNumber))}">${both({
              zh: `查看 ${match.classNumber} 班名单`,
              en: `class ${match.classNumber} list`,
            })}</a></p>`,
        )
        .join('');
    case 'not-found':
      return line(NOT_FOUND);
    case 'problem':
      return line(outcome.problem);
  }
}

/** The controller's answer to a posted lookup: the answer, then the form again for another try. */
export function renderLookupPage(school: PublicSchool, outcome: LookupOutcome, links: SiteLinks, lookup: LookupForm) {
  const schoolPage = links.school(school.name);
  return page({
    title: `${school.name} 查询结果`,
    heading: escapeHtml(school.name),
    sub: both({ zh: '查询结果', en: 'Lookup' }),
    main:
      `<div class="answer" data-found="${outcome.kind === 'found'}">` +
      renderAnswer(outcome, (classNumber) => `${schoolPage}#class-${classNumber}`) +
      '</div>' +
      lookupSection(school.name, lookup) +
      `<p><a href="${escapeHtml(schoolPage)}">← ${both({ zh: '返回本校名单', en: 'back to the class lists' })}</a></p>`,
    refresh: false,
  });
}

/** A page that only says something: an unknown school, too many lookups. */
export function renderMessage(title: Bilingual, message: Bilingual, links: SiteLinks): string {
  return page({
    title: `${title.zh} ${title.en}`,
    heading: both(title, '<br>'),
    sub: '',
    main:
      `<p class="answer">${both(message, '<br>')}</p>` +
      `<p><a href="${escapeHtml(links.index)}">← ${both({ zh: '全部学校', en: 'all schools' })}</a></p>`,
    refresh: false,
  });
}
