/**
 * `npm run --silent chat -- --as <handle> [--json]` (CONTRACT §5): a private chat with the
 * assistant in the terminal, through the same engine as WeChat and WeCom. One message per
 * line on standard input; with --json exactly one line `{"replies": [...]}` per input line on
 * standard output, and nothing else there (logs go to standard error).
 */
import 'reflect-metadata'
import { createInterface } from 'node:readline'
import pino from 'pino'
import { createEngine } from '../bot/engine'
import { terminalChannel } from '../bot/channels/terminal'
import { databaseStateStore } from '../bot/state-store'
import { openLoadedDatabase } from '../core/cohorts/open-loaded-database'
import { createClock } from '../core/clock'
import { ConfigError, loadConfig } from '../core/config'
import { AnswerCache } from '../core/knowledge/answer-cache'
import { llmFromConfig } from '../core/llm'
import { createLogger } from '../core/logger'

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

async function main() {
  const handle = option('--as') ?? 'anonymous'
  const json = process.argv.includes('--json')
  const config = loadConfig()
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, pino.destination(2))
  const clock = createClock(config.pinnedNow)
  const { dataSource } = await openLoadedDatabase(config, clock)
  const store = databaseStateStore(dataSource)
  const engine = createEngine(
    { dataSource, clock, logger, llm: llmFromConfig(config), answers: new AnswerCache() },
    { store },
  )
  const chat = terminalChannel({ dataSource, clock, engine, store }, handle)

  const interactive = !json && process.stdin.isTTY
  if (interactive) process.stdout.write(`八桂英才助手（以 ${handle} 的身份对话，Ctrl+D 退出；发送“帮助”查看功能）\n> `)
  const lines = createInterface({ input: process.stdin, terminal: false })
  for await (const line of lines) {
    const replies = line.trim() ? await chat.say(line) : []
    if (json) process.stdout.write(`${JSON.stringify({ replies: replies.map((r) => r.text) })}\n`)
    else if (replies.length)
      process.stdout.write(`${replies.map((r) => r.text).join('\n\n')}\n${interactive ? '> ' : ''}`)
  }
  await dataSource.destroy()
}

main().catch((err: unknown) => {
  const message =
    err instanceof ConfigError
      ? err.message
      : `八桂英才助手 could not start the chat: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`
  console.error(message)
  process.exit(1)
})
