/** The HTTP side: health, the two browser apps (or an honest page until they are built), and the result pages. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import { PROJECT_ROOT } from '../build-hash.ts';
import type { SchoolView } from '../protocol.ts';
import type { CeremonyService } from '../service.ts';
import { toSnapshot } from '../snapshot.ts';

const APPS = [
  { route: '/console', folder: 'console', zh: '操作控制台', en: 'operator console' },
  { route: '/display', folder: 'display', zh: '大屏显示', en: 'hall display' },
  // One self-contained page: the same file the bundle carries, to check a bundle offline (docs/verification.md).
  { route: '/verify', folder: 'verifier', zh: '验证包复核', en: 'bundle verifier' },
] as const;

export function createApp(service: CeremonyService, root: string = PROJECT_ROOT): express.Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', (_request, response) => {
    const { phase, revision, schools } = service.state;
    response.json({ status: 'ok', phase, revision, schools: schools.length });
  });

  app.get('/', (_request, response) => {
    const links = APPS.map((entry) => `<li><a href="${entry.route}">${entry.zh} / ${entry.en}</a></li>`).join('');
    response.type('html').send(page('阳光分班 Sunshine Class Draw', `<ul>${links}</ul>`));
  });

  for (const entry of APPS) {
    const dist = join(root, entry.folder, 'dist');
    app.use(entry.route, express.static(dist));
    app.get([entry.route, `${entry.route}/{*rest}`], (_request, response) => {
      const index = join(dist, 'index.html');
      if (existsSync(index)) {
        response.sendFile(index);
        return;
      }
      response
        .status(503)
        .type('html')
        .send(
          page(
            `${entry.zh}尚未构建 / ${entry.en} not built`,
            `<p>${entry.zh}尚未构建（缺少 ${entry.folder}/dist）。控制器已在运行，可用 <code>npx sunshine ceremony</code> 无界面操作。</p>` +
              `<p>The ${entry.en} is not built yet (no ${entry.folder}/dist). The controller is running; ` +
              `<code>npx sunshine ceremony</code> drives it without a browser.</p>`,
          ),
        );
    });
  }

  app.get('/r/:school', (request, response) => {
    const school = toSnapshot(service.state, 'masked').schools.find((found) => found.name === request.params.school);
    if (school === undefined) {
      const name = escapeHtml(request.params.school);
      response
        .status(404)
        .type('html')
        .send(page('未找到 / not found', `<p>没有学校“${name}” / no school "${name}"</p>`));
    } else {
      response.type('html').send(resultPage(school));
    }
  });

  return app;
}

/** The class lists once published, names masked (张*涵); until then, a notice saying so. */
function resultPage(school: SchoolView): string {
  const title = `${escapeHtml(school.name)} 分班结果 / class lists`;
  const published = school.status === 'published' || school.status === 'teachers-drawn';
  if (!published || school.roster === null || school.draw === null) {
    return page(title, '<p>尚未公示 / not published yet</p>');
  }
  const { students } = school.roster;
  const { classOf } = school.draw;
  const sections = Array.from({ length: school.classes }, (_, index) => {
    const classNumber = index + 1;
    const team = school.teachers?.teamOfClass[index];
    const names = students
      .filter((_, student) => classOf[student] === classNumber)
      .map((student) => `<li>${escapeHtml(student.name)}</li>`)
      .join('');
    const teamLine = team === undefined ? '' : `<p>教师团队 teacher team ${team}</p>`;
    return `<section><h2>${classNumber} 班 / class ${classNumber}</h2>${teamLine}<ol>${names}</ol></section>`;
  });
  return page(title, sections.join(''));
}

function page(title: string, body: string): string {
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
    `<title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
