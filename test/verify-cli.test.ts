import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from './support/demo-ceremony.ts';
import { juniorCeremony, sunshine } from './support/sunshine-cli.ts';

const ceremony = juniorCeremony;

describe('npx sunshine export bundle and verify', () => {
  it('refuses to export before the close, when the secret must stay hidden', async () => {
    const data = tempDataDir();
    expect((await ceremony(data, '--until', 'teachers')).code).toBe(0);
    const refused = await sunshine('export', 'bundle', '--data', data, '--out', join(data, 'bundle'));
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('仪式尚未结束');
    expect(refused.stderr).toContain('the ceremony is not closed');
  });

  it('exports a closed ceremony with dice contributions, verifies it, and names a tampered class', async () => {
    const data = tempDataDir();
    expect((await ceremony(data, '--contribution', '3-6-1-4-2-5')).code).toBe(0);
    const out = join(data, 'bundle');
    const exported = await sunshine('export', 'bundle', '--data', data, '--out', out);
    expect(exported.code).toBe(0);
    // The offline verifier page travels with the bundle once built (`npm test` builds before testing).
    expect(existsSync(join(out, 'verifier.html'))).toBe(existsSync('verifier/dist/index.html'));

    const verified = await sunshine('verify', out);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    const lines = verified.stdout.trim().split('\n');
    expect(lines.slice(0, 4).every((line) => line.startsWith('✓ '))).toBe(true);
    expect(lines.some((line) => line.startsWith('✓ 上饶市第三中学：一致：575 名学生、12 个班'))).toBe(true);
    expect(lines.at(-1)).toContain('全部一致');

    const file = join(out, 'schools', '信州区第五中学.json');
    const school = JSON.parse(readFileSync(file, 'utf8')) as { draw: { classOf: number[] } };
    school.draw.classOf[0] = school.draw.classOf[0] === 1 ? 2 : 1;
    writeFileSync(file, JSON.stringify(school));
    const tampered = await sunshine('verify', out);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('✗ 信州区第五中学：分班结果不符：第 1 名学生（学号 001）');
    expect(tampered.stderr).toContain('classes differ: student 1 (id 001)');
    expect(tampered.stdout).toContain('✓ 上饶市第三中学');
    expect(tampered.stdout).toContain('验证未通过 / verification failed');
  });

  it('explains a folder that is not a bundle, and changes nothing', async () => {
    const missing = await sunshine('verify', tempDataDir());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('证明包中没有 schools/ 下的学校文件');
  });
});
