import { describe, expect, it } from 'vitest';
import { fullCeremony, ROSTERS, run } from '../../test/support/ceremony-fixtures.ts';
import { resultFingerprint } from '../../engine/ceremony/publication.ts';
import type { CeremonyCommand } from '../../engine/ceremony/state.ts';
import { resultPagePath } from '../contract/public-links.ts';
import { publicCeremony } from './model.ts';
import { escapeHtml, renderSchool } from './render.ts';

const commands = fullCeremony();
/** The state right after the first command of `type` (and everything before it). */
const after = (type: CeremonyCommand['type'], occurrence = 1) => {
  let seen = 0;
  const end = commands.findIndex((command) => command.type === type && ++seen === occurrence);
  return run(commands.slice(0, end + 1));
};

describe('the public result model', () => {
  it('shows no list before a school is published, and says where each school stands', () => {
    const drawnOne = publicCeremony(after('school:draw'));
    expect(drawnOne.schools.map((school) => [school.name, school.status, school.result])).toEqual([
      ['东湖小学', 'awaiting-publication', null],
      ['西山中学', 'not-drawn', null],
      ['北岭小学', 'single-class', null],
    ]);
  });

  it('lists every student of a published school once, masked, in zh-CN order within each class', () => {
    const school = publicCeremony(after('school:publish')).schools[0]!;
    expect(school.status).toBe('published');
    const roster = ROSTERS['东湖小学']!.students;
    const listed = school.result!.classes.flatMap((c) => c.students);
    expect(listed).toHaveLength(roster.length);
    expect(listed.every((name) => name.includes('*'))).toBe(true);
    expect(listed.filter((name) => roster.some((student) => student.name === name))).toEqual([]);
    for (const c of school.result!.classes) {
      expect(c.students).toEqual([...c.students].sort(new Intl.Collator('zh-CN').compare));
      expect(c.students).toHaveLength(c.size);
      expect(c.boys + c.girls).toBe(c.size);
      expect(c.teacherTeam).toBeNull();
    }
  });

  it('adds the teacher teams once drawn and the secret only at the close', () => {
    const teams = publicCeremony(after('school:teachers'));
    expect(teams.schools[0]!.result!.classes.map((c) => c.teacherTeam).sort()).toEqual([1, 2, 3]);
    expect(teams.verification.secretHex).toBeNull();
    expect(teams.verification.commitment).toMatch(/^[0-9a-f]{64}$/);
    const closed = publicCeremony(run(commands));
    expect(closed.verification.secretHex).toBe('ab'.repeat(32));
  });

  it('carries the result fingerprint printed under the school’s lists, and shows it with the seed', () => {
    const state = after('school:publish');
    const school = publicCeremony(state).schools[0]!;
    const { classOf } = state.schools[0]!.draw!;
    expect(school.result!.resultFingerprint).toBe(resultFingerprint(classOf));
    const links = { index: '/r/', school: resultPagePath, verifier: null, bundle: null };
    const html = renderSchool(school, publicCeremony(state).verification, links, { kind: 'server', action: '/r/x' });
    expect(html).toContain(`<code>${resultFingerprint(classOf)}</code>`);
  });

  it('carries the subject balance of a school with scores', () => {
    const west = publicCeremony(run(commands)).schools[1]!.result!;
    expect(west.subjects).toEqual(['语文', '数学', '英语']);
    expect(west.subjectMeanRanges).toHaveLength(3);
    expect(west.classes.every((c) => c.subjectMeans.length === 3)).toBe(true);
    expect(west.checks.every((check) => check.ok)).toBe(true);
  });
});

describe('the renderer', () => {
  it('escapes what the plan and the rosters say', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
    const school = publicCeremony(after('school:draw')).schools[0]!;
    const links = { index: '/r/', school: resultPagePath, verifier: null, bundle: null };
    const html = renderSchool({ ...school, name: '<script>x</script>' }, publicCeremony(run([])).verification, links, {
      kind: 'server',
      action: '/r/x/lookup',
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;x&#60;/script&#62;');
  });
});
