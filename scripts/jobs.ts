/**
 * `npm run --silent jobs -- --at <ISO instant> [--dry-run] [--json]` (CONTRACT §9): runs every
 * message job as of that instant (the clock pinned there) on the database of DATABASE_URL,
 * migrated and loaded as `npm start` does, and prints who gets which message and when: one JSON
 * line per message with --json, a readable line otherwise. Without --dry-run the messages are
 * written to the outbox, and a second run writes nothing new.
 */
import 'reflect-metadata'
import pino from 'pino'
import { openLoadedDatabase } from '../core/cohorts/open-loaded-database'
import { fixedClock } from '../core/clock'
import { ConfigError, loadConfig } from '../core/config'
import { messageJobs } from '../core/jobs'
import { previewJob, queueJob } from '../core/jobs/message-job'
import { llmFromConfig } from '../core/llm'
import { createLogger } from '../core/logger'

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

async function main() {
  const atText = option('--at')
  const at = atText ? new Date(atText) : new Date()
  if (Number.isNaN(at.getTime()) || (atText && !/T\d{2}:\d{2}/.test(atText))) {
    throw new ConfigError('--at must be an ISO instant, e.g. 2024-03-18T09:00:00+08:00')
  }
  const dryRun = process.argv.includes('--dry-run')
  const json = process.argv.includes('--json')
  const config = loadConfig()
  const logger = createLogger('warn', pino.destination(2))
  const clock = fixedClock(at)
  const { dataSource } = await openLoadedDatabase(config, clock)
  try {
    let total = 0
    let added = 0
    for (const job of messageJobs) {
      const deps = { dataSource, clock, logger, llm: llmFromConfig(config) }
      await previewJob(job, deps, at, async (messages) => {
        total += messages.length
        for (const m of messages) {
          const line = {
            job: m.job,
            to: m.to,
            role: m.role,
            channel: m.channel,
            sendAt: m.sendAt.toISOString(),
            text: m.text,
          }
          const readable = `${line.sendAt}  ${line.job}  ${line.to} (${line.role}, ${line.channel})  ${line.text}`
          process.stdout.write(`${json ? JSON.stringify(line) : readable}\n`)
        }
      })
      if (!dryRun) added += await queueJob(job, deps, at)
    }
    if (!json)
      process.stdout.write(
        dryRun ? `${total} messages (dry run, nothing written)\n` : `${total} messages, ${added} new in the outbox\n`,
      )
  } finally {
    await dataSource.destroy()
  }
}

main().catch((err: unknown) => {
  console.error(
    err instanceof ConfigError
      ? err.message
      : `jobs failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
  )
  process.exit(1)
})
