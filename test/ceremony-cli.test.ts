import { cpSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DEMO_DISTRICT } from '../controller/cli/demo.ts';
import { DATABASE_FILE } from '../controller/storage/database.ts';
import { tempDataDir } from './support/demo-ceremony.ts';
import { juniorCeremony, sunshine } from './support/sunshine-cli.ts';

const junior = join(DEMO_DISTRICT, 'junior');
const ceremony = juniorCeremony;

describe('npx sunshine ceremony and audit verify', () => {
  it('runs the whole ceremony headlessly, changes nothing when run again, and verifies the audit chain', async () => {
    const data = tempDataDir();
    const run = await ceremony(data, '--contribution', '4711');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n').filter((line) => line.startsWith('✓'));
    expect(lines.map((line) => line.split('：')[0])).toEqual([
      '✓ 计划',
      '✓ 封装',
      '✓ 预览',
      '✓ 拆封',
      '✓ 上饶市第三中学',
      '✓ 信州区第五中学',
      '✓ 上饶市第三中学',
      '✓ 信州区第五中学',
      '✓ 上饶市第三中学',
      '✓ 信州区第五中学',
      '✓ 上饶市第三中学',
      '✓ 信州区第五中学',
      '✓ 仪式结束 / ceremony closed',
    ]);
    expect(run.stdout).toContain('家长代表随机数 4711');
    // The notary can recompute the software hash printed at the seal.
    const buildHash = (await sunshine('build-hash')).stdout.trim();
    expect(buildHash).toMatch(/^[0-9a-f]{64}$/);
    expect(run.stdout).toContain(`软件哈希 ${buildHash}`);

    // Everything is done already: each step is skipped, nothing is logged, not even a refusal.
    const again = await ceremony(data);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('✓');
    expect(again.stdout.match(/已完成，跳过/g)).toHaveLength(13);

    const verified = await sunshine('audit', 'verify', '--data', data);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('审计日志完好：13 条记录');
    expect(verified.stdout).toContain('与已存的分班结果一致');

    // Someone edits a stored result, then a log entry, behind the software's back: verify says what and where, and
    // the controller will not start on such data.
    const db = new Database(join(data, DATABASE_FILE));
    db.exec(`DROP TRIGGER results_no_update; UPDATE results SET body = replace(body, '"seedHex":"', '"seedHex":"0')`);
    const resultEdited = await sunshine('audit', 'verify', '--data', data);
    expect(resultEdited.code).toBe(1);
    expect(resultEdited.stderr).toContain('已存的分班结果与重放结果不一致');
    db.exec("DROP TRIGGER audit_no_update; UPDATE audit SET body = replace(body, '4711', '4712') WHERE seq = 8");
    db.close();
    const broken = await sunshine('audit', 'verify', '--data', data);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('审计日志第 8 条记录');
    expect(broken.stderr).toContain('audit log entry 8');
    const serve = await sunshine('serve', '--data', data, '--port', '0');
    expect(serve.code).toBe(4);
    expect(serve.stderr).toContain('第 8 条');
  });

  it('stops after --until, and at the first refusal with a located message', async () => {
    const data = tempDataDir();
    const partial = await ceremony(data, '--until', 'preview');
    expect(partial.code).toBe(0);
    expect(partial.stdout).toContain('预览');
    expect(partial.stdout).not.toContain('拆封');

    const plan = join(tempDataDir(), 'plan.csv');
    writeFileSync(plan, '学校,学段,班级数,班额上限,学生数,男生数,女生数,多胞胎数\n一中,初中,2,55,100,50,50,0\n');
    const bad = await sunshine('ceremony', '--plan', plan, '--rosters', junior, '--data', tempDataDir());
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('文件 plan.csv 第 2 行');
    expect(bad.stderr).toContain('初中班额上限为 50，超过须写明理由');
  });

  it('refuses a roster that disagrees with the plan unless --accept-mismatch gives a reason', async () => {
    const rosters = tempDataDir();
    cpSync(junior, rosters, { recursive: true });
    const file = join(rosters, '信州区第五中学.csv');
    writeFileSync(file, readFileSync(file, 'utf8').trimEnd().split('\n').slice(0, -1).join('\n'));
    const args = ['ceremony', '--plan', join(junior, 'plan.csv'), '--rosters', rosters, '--until', 'import'];

    const refused = await sunshine(...args, '--data', tempDataDir());
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('名单与封装时申报的数字不一致');
    expect(refused.stderr).toContain('学生数：申报 468，名单 467');

    const accepted = await sunshine(...args, '--data', tempDataDir(), '--accept-mismatch', '一人转出');
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain('操作员接受，理由：一人转出');
  });

  it('seals naming an external public value, and draws nothing until the value is given', async () => {
    const source = '2026年8月19日 中国福利彩票“3D”第2026219期开奖号码';
    const run = await ceremony(tempDataDir(), '--public-value-source', source, '--until', 'draw');
    expect(run.code).toBe(3);
    expect(run.stdout).toContain(`外部公开随机值来源 ${source}`);
    expect(run.stdout).toContain('✓ 信州区第五中学：导入');
    expect(run.stderr).toContain(`封装时指定的外部公开随机值（${source}）尚未录入`);
    expect(run.stderr).toContain('the public value named at the seal');
  });

  it('refuses before the seal when a school of the plan has no roster file, and warns of files no school names', async () => {
    const rosters = tempDataDir();
    cpSync(junior, rosters, { recursive: true });
    const plan = join(rosters, 'plan.csv');
    writeFileSync(
      plan,
      `${readFileSync(plan, 'utf8')}信州区第九中学,初中,2,50,90,45,45,0\r\n信州区第十中学,初中,1,50,40,20,20,0\r\n`,
    );
    const data = tempDataDir();
    const missing = await sunshine('ceremony', '--plan', plan, '--rosters', rosters, '--data', data);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /^名单目录 \S+ 中缺少计划中 1 所学校的名单，未作任何更改：\n {2}信州区第九中学\.csv 或/,
    );
    expect(missing.stderr).toContain('lacks the roster of 1 school(s) of the plan');
    // The single-class school needs no roster.
    expect(missing.stderr).not.toContain('信州区第十中学');
    expect(missing.stdout).toBe('');
    expect((await sunshine('audit', 'verify', '--data', data)).stdout).toContain('0 条记录');

    writeFileSync(join(rosters, '信州区第九中学.csv'), readFileSync(join(rosters, '信州区第五中学.csv')));
    writeFileSync(join(rosters, '旧名单.csv'), '');
    const warned = await sunshine('ceremony', '--plan', plan, '--rosters', rosters, '--data', data, '--until', 'seal');
    expect(warned.code).toBe(0);
    expect(warned.stderr).toBe(
      '注意：旧名单.csv 不是计划中的学校，不会导入 / note: 旧名单.csv names no school of the plan; it is not imported\n',
    );
    expect(warned.stdout).toContain('✓ 封装');
  });

  it('explains missing arguments (exit 2)', async () => {
    const result = await sunshine('ceremony', '--plan', 'plan.csv');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('缺少 --plan 或 --rosters');
    expect((await sunshine('audit', 'verify', '--data', tempDataDir())).stderr).toContain('没有仪式数据库');
  });
});
