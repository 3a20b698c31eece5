import { describe, expect, it } from 'vitest';
import type { CeremonyState } from '../../engine/ceremony/state.ts';
import { DEFAULT_PRESENTATION } from '../contract/presentation.ts';
import { ceremonyWithIdNumbers, fullCeremony, run } from '../../test/support/ceremony-fixtures.ts';
import { ceremonySecrets, lookupSecretLeaks } from '../../test/support/lookup-secrets.ts';
import type { DocumentContext } from './context.ts';
import { printJob, type PrintJob, type PrintRequest } from './documents.ts';
import { COPIES } from './school-lists.ts';

const closed = run(fullCeremony());
const context: DocumentContext = {
  event: { ...DEFAULT_PRESENTATION.event, title: '信州区2024年“阳光分班”现场会', notary: '王建平' },
  sealedAt: '2024-08-27T02:30:00Z',
  closedAt: '2024-08-28T09:30:00Z',
};

function job(request: PrintRequest, state: CeremonyState = closed): PrintJob {
  const made = printJob(state, context, request);
  if ('reason' in made) throw new Error(made.en);
  return made;
}

/** The text each QR code of a document holds (its SVG carries it as the accessible name). */
const qrTexts = (html: string) => [...html.matchAll(/<svg [^>]*aria-label="([^"]*)"/g)].map((match) => match[1]);

describe('printed documents', () => {
  it('puts the commitment, never the secret, on the seal certificate', () => {
    const [html] = job({ kind: 'seal-certificate' }).copies;
    const seal = closed.seal!;
    expect(qrTexts(html!)).toEqual([seal.commitment]);
    expect(html).not.toContain(seal.secretHex);
    expect(html).toContain('王建平');
  });

  it('shows the revealed secret beside the commitment, both as QR codes, on the final report', () => {
    const seal = closed.seal!;
    const [html] = job({ kind: 'final-report', publicUrl: 'http://10.0.0.5:8080' }).copies;
    expect(qrTexts(html!)).toEqual([seal.commitment, seal.secretHex, 'http://10.0.0.5:8080/verify']);
    expect(html).toContain('✓ 与承诺一致');
    const forged = { ...closed, seal: { ...seal, secretHex: 'ef'.repeat(32) } };
    expect(job({ kind: 'final-report', publicUrl: null }, forged).copies[0]).toContain('✗ 与承诺不一致');
  });

  it('prints the external public value, as typed, on the lists and the final report; nothing without one', () => {
    const publicValue = { source: '福彩3D 第2026318期', value: '4 7 1' };
    const named = { ...closed, seal: { ...closed.seal!, publicValue } };
    const requests: PrintRequest[] = [
      { kind: 'school-lists', school: '东湖小学' },
      { kind: 'final-report', publicUrl: null },
    ];
    for (const request of requests) {
      expect(job(request, named).copies[0]).toContain('福彩3D 第2026318期：4 7 1');
      expect(job(request).copies[0]).not.toContain('外部公开随机值');
    }
  });

  it('makes four copies of a school’s lists that differ only in their label', () => {
    const { copies, name, format } = job({ kind: 'school-lists', school: '东湖小学' });
    expect({ name, format, count: copies.length }).toEqual({ name: '东湖小学-分班名单', format: 'pdf', count: 4 });
    const unlabelled = copies.map((html, index) => {
      const { number, zh, en } = COPIES[index]!;
      return [`第 ${number} 份`, `copy ${number} of`, zh, en].reduce(
        (text, label) => text.replaceAll(label, '…'),
        html,
      );
    });
    expect(new Set(unlabelled).size).toBe(1);
    expect(copies[2]).toContain('学校公示（公示栏 / 微信公众号）');
  });

  it('escapes names in the page and school names in the page-margin boxes', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const school = closed.schools[0]!;
    const imported = school.imported!;
    const student = { ...imported.roster.students[0]!, name: hostile };
    const state: CeremonyState = {
      ...closed,
      plan: {
        schools: closed.plan!.schools.map((found, index) => (index === 0 ? { ...found, name: '东"湖\\小学' } : found)),
      },
      schools: closed.schools.map((found, index) =>
        index === 0
          ? {
              ...found,
              name: '东"湖\\小学',
              imported: {
                ...imported,
                roster: { ...imported.roster, students: [student, ...imported.roster.students.slice(1)] },
              },
            }
          : found,
      ),
    };
    const [html] = job({ kind: 'school-lists', school: '东"湖\\小学' }, state).copies;
    expect(html).not.toContain(hostile);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('content:"信州区2024年“阳光分班”现场会\u3000东\\"湖\\\\小学 一年级分班名单"');
  });

  it('prints no piece of any ID number or student number on any document, masked or not', () => {
    const withIdNumbers = run(ceremonyWithIdNumbers());
    const secrets = ceremonySecrets(withIdNumbers);
    expect(secrets.some((secret) => secret.idCard !== null)).toBe(true);
    const requests: PrintRequest[] = [
      { kind: 'seal-certificate' },
      { kind: 'final-report', publicUrl: 'http://10.0.0.5:8080' },
      ...['东湖小学', '西山中学'].flatMap((school): PrintRequest[] => [
        { kind: 'school-lists', school },
        { kind: 'media', school, publicUrl: 'http://10.0.0.5:8080' },
      ]),
    ];
    for (const request of requests) {
      const { copies } = job(request, withIdNumbers);
      expect(copies.length).toBeGreaterThan(0);
      for (const html of copies) expect(lookupSecretLeaks(html, secrets), request.kind).toEqual([]);
    }
    // The lists still tell namesakes apart by gender and source school.
    expect(job({ kind: 'school-lists', school: '西山中学' }, withIdNumbers).copies[0]).toContain('毕业学校');
  });

  it('refuses the media image and lists of a school before its publication', () => {
    const drawn = run(
      fullCeremony().filter(
        (command) =>
          command.type !== 'school:publish' && command.type !== 'school:teachers' && command.type !== 'ceremony:close',
      ),
    );
    expect(printJob(drawn, context, { kind: 'media', school: '东湖小学', publicUrl: 'http://x' })).toMatchObject({
      reason: 'not-yet',
    });
    expect(printJob(drawn, context, { kind: 'final-report', publicUrl: null })).toMatchObject({ reason: 'not-yet' });
  });
});
