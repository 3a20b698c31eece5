import { describe, expect, it } from 'vitest';
import { fullCeremony, run } from '../../test/support/ceremony-fixtures.ts';
import { closedSeal, publishedSchool, publishedSchools, sealOf } from './published.ts';

const commands = fullCeremony();
const upTo = (type: string) =>
  run(
    commands.slice(
      0,
      commands.findIndex((command) => command.type === type),
    ),
  );
const closed = run(commands);

describe('what may be printed or exported, and when', () => {
  it('refuses a school before its publication and names an unknown one', () => {
    const drawn = upTo('school:publish');
    expect(publishedSchool(drawn, '东湖小学')).toMatchObject({ reason: 'not-yet' });
    expect(publishedSchool(drawn, '南湖小学')).toMatchObject({ reason: 'unknown' });
    expect(publishedSchools(drawn)).toEqual([]);
    expect(sealOf(upTo('ceremony:seal'))).toMatchObject({ reason: 'not-yet' });
    expect(closedSeal(drawn)).toMatchObject({ reason: 'not-yet' });
    expect(closedSeal(closed)).toBe(closed.seal);
  });

  it('lists each class in zh-CN collation with its counts and team, every student exactly once', () => {
    const school = publishedSchool(closed, '西山中学');
    if ('reason' in school) throw new Error(school.en);
    const collator = new Intl.Collator('zh-CN');
    for (const list of school.classes) {
      const names = list.students.map((student) => student.name);
      expect(names).toEqual([...names].sort(collator.compare));
      expect(list.boys + list.girls).toBe(list.students.length);
      expect(list.team).toBe(school.teachers!.teamOfClass[list.classNumber - 1]);
    }
    const ids = school.classes.flatMap((list) => list.students.map((student) => student.id)).sort();
    expect(ids).toEqual(school.imported.roster.students.map((student) => student.id).sort());
    expect(publishedSchools(closed).map((found) => found.plan.name)).toEqual(['东湖小学', '西山中学']);
  });
});
