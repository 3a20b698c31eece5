import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtVerifierPage, VERIFIER_PAGE } from '../controller/bundle-files.ts';
import type { BundleSchool } from '../engine/ceremony/bundle.ts';
import { resultFingerprint } from '../engine/ceremony/publication.ts';
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
    expect(existsSync(join(out, VERIFIER_PAGE))).toBe(builtVerifierPage() !== null);

    const verified = await sunshine('verify', out);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    const lines = verified.stdout.trim().split('\n');
    expect(lines.slice(0, 4).every((line) => line.startsWith('✓ '))).toBe(true);
    expect(lines.some((line) => line.startsWith('✓ 上饶市第三中学：一致：575 名学生、12 个班'))).toBe(true);
    expect(lines.at(-1)).toContain('全部一致');
    // Each school's line carries the result fingerprint of its recomputed lists, for the auditor to hold to the paper.
    const third = JSON.parse(readFileSync(join(out, 'schools', '上饶市第三中学.json'), 'utf8')) as BundleSchool;
    const fingerprint = resultFingerprint(third.draw.classOf);
    expect(lines.find((line) => line.startsWith('✓ 上饶市第三中学'))).toContain(`结果指纹 ${fingerprint}`);

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

  it('carries an external public value into the bundle, shows it to check, and names a changed value', async () => {
    const data = tempDataDir();
    const [source, value] = ['2026年8月19日 中国福利彩票“3D”第2026219期开奖号码', '509'];
    const run = await ceremony(data, '--public-value-source', source, '--public-value', value);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`外部公开随机值已录入：${value}（来源 ${source}）`);
    const out = join(data, 'bundle');
    expect((await sunshine('export', 'bundle', '--data', data, '--out', out)).code).toBe(0);

    const verified = await sunshine('verify', out);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain(`外部公开随机值来源“${source}”，录入值“${value}”`);
    expect(verified.stdout).toContain('请与该来源的官方公告核对');

    const file = join(out, 'certificate.json');
    const certificate = JSON.parse(readFileSync(file, 'utf8')) as { format: string; publicValue: { value: string } };
    expect(certificate.format).toBe('sunshine-class-draw/bundle/v3');
    certificate.publicValue.value = '510';
    writeFileSync(file, JSON.stringify(certificate));
    const tampered = await sunshine('verify', out);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('✗ 封装证书 / seal certificate：外部公开随机值与审计链中的封装记录不符');
    expect(tampered.stderr).toContain('public value differs from the seal in the audit chain');
  });

  it('explains a folder that is not a bundle, and changes nothing', async () => {
    const missing = await sunshine('verify', tempDataDir());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('证明包中没有 schools/ 下的学校文件');
  });
});
