import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../core/db'
import { loadPlanArticles } from '../../core/knowledge/plan-articles'
import { runPlanImport } from '../../scripts/plan-import'

const root = join(__dirname, '..', '..')
const fixture = join(root, 'test', 'fixtures', 'plan-sample.txt')
const dir = mkdtempSync(join(tmpdir(), 'plan-import-'))
const env = { DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}` }

afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function run(argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runPlanImport(argv, env, { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out, err }
}

describe('plan:import', () => {
  it('stores the articles of a file for a cohort and says how many', async () => {
    const result = await run([fixture, '--cohort', '2023'])
    expect(result).toEqual({ code: 0, out: [`已导入 2023 年度方案的 24 条条款（${fixture}）`], err: [] })
    const ds = await openDatabase(env.DATABASE_URL)
    try {
      expect((await loadPlanArticles(ds, 2023)).get('四（二）2（3）①')?.title).toBe('获得市级及以上科技竞赛奖项')
    } finally {
      await ds.destroy()
    }
  })

  it.each([
    ['a missing file', ['nope.txt', '--cohort', '2023'], '找不到文件：nope.txt'],
    ['no file', ['--cohort', '2023'], /^请给出方案文本文件。/],
    ['a bad cohort', [fixture, '--cohort', 'x'], /^--cohort 应为年份/],
    ['an unknown cohort', [fixture, '--cohort', '2031'], '没有 2031 年的培养计划，请先加载该年度的计划'],
  ])('reports %s in one line with exit code 1', async (_, argv, message) => {
    const result = await run(argv)
    expect(result.code).toBe(1)
    expect(result.out).toEqual([])
    expect(result.err).toHaveLength(1)
    expect(result.err[0]).toMatch(message)
  })

  it('reports a file without numbered articles', async () => {
    const plain = join(dir, 'plain.txt')
    writeFileSync(plain, '这是一段没有编号的文字。\n')
    const result = await run([plain, '--cohort', '2023'])
    expect(result.code).toBe(1)
    expect(result.err[0]).toMatch(/^没有在 .*plain\.txt 中找到条款/)
  })

  it('as a process: exit code 1 and no stack trace', () => {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/plan-import.ts', 'nope.txt', '--cohort', '2023'],
      {
        cwd: root,
        env: { ...process.env, ...env },
        encoding: 'utf8',
      },
    )
    expect(child.status).toBe(1)
    expect(child.stdout).toBe('')
    expect(child.stderr.trim()).toBe('找不到文件：nope.txt')
  })
})
