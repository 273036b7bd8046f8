/**
 * `npm run plan:import -- <file> --cohort 2023` — loads the official text of a cohort's plan so
 * answers can quote the article they rest on. Parses the text (core/knowledge/plan-text.ts),
 * replaces that cohort's stored articles, and prints how many were stored. Every failure is one
 * readable line on stderr and exit code 1, never a stack trace.
 */
import 'reflect-metadata'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import type { DataSource } from 'typeorm'
import { ensureBuiltInPrograms } from '../core/cohorts/load-program'
import { ConfigError, loadConfig } from '../core/config'
import { openDatabase } from '../core/db'
import { AppError } from '../core/errors'
import { savePlanArticles } from '../core/knowledge/plan-articles'
import { parsePlanText } from '../core/knowledge/plan-text'
import { builtInPrograms } from '../core/knowledge/program'

const USAGE = '用法：npm run plan:import -- <方案文本文件> --cohort <年度，如 2023>'

/** Where the script writes; tests pass their own. */
export interface ImportOutput {
  out: (line: string) => void
  err: (line: string) => void
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): { file: string; cohort: number } {
  let file: string | undefined
  let cohort: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--cohort') cohort = argv[++i]
    else if (arg.startsWith('--cohort=')) cohort = arg.slice('--cohort='.length)
    else if (arg.startsWith('--')) throw new UsageError(`不认识的选项 ${arg}。${USAGE}`)
    else if (file === undefined) file = arg
    else throw new UsageError(`只能导入一个文件。${USAGE}`)
  }
  if (file === undefined) throw new UsageError(`请给出方案文本文件。${USAGE}`)
  // Without --cohort, the newest built-in program is meant: that is the cohort being run.
  const year = cohort === undefined ? Math.max(...builtInPrograms().keys()) : Number(cohort)
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new UsageError(`--cohort 应为年份，如 2023。${USAGE}`)
  return { file, cohort: year }
}

/**
 * Runs the import for command-line arguments (without `node script`) and the environment.
 * Returns the exit code: 0 when stored, 1 on any error (already reported on `err`).
 */
export async function runPlanImport(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  output: ImportOutput = { out: (l) => console.log(l), err: (l) => console.error(l) },
): Promise<number> {
  let ds: DataSource | undefined
  try {
    const { file, cohort } = parseArgs(argv)
    const path = resolve(file)
    if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`找不到文件：${file}`)
    const articles = parsePlanText(readFileSync(path, 'utf8'))
    if (articles.length === 0) {
      throw new UsageError(`没有在 ${file} 中找到条款：方案应按“一、（一）1.（1）①”编号，并且是 UTF-8 文本`)
    }
    const config = loadConfig(env)
    ds = await openDatabase(config.databaseUrl)
    await ensureBuiltInPrograms(ds)
    const stored = await savePlanArticles(ds, cohort, articles)
    output.out(`已导入 ${cohort} 年度方案的 ${stored} 条条款（${file}）`)
    return 0
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof AppError) {
      output.err(error.message)
    } else {
      output.err(`导入失败：${error instanceof Error ? error.message : String(error)}`)
    }
    return 1
  } finally {
    if (ds?.isInitialized) await ds.destroy()
  }
}

if (require.main === module) {
  runPlanImport(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}
