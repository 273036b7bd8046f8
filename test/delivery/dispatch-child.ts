/**
 * A dispatcher in a process of its own, for the crash test (sigkill.test.ts): opens the
 * database of DATABASE_URL (already migrated), sends `wecom_webhook` rows to the fake API at
 * API_BASE and prints `ready` once running. It runs until killed.
 */
import 'reflect-metadata'
import pino from 'pino'
import { createClock } from '../../core/clock'
import { createDetectedDataSource } from '../../core/data-source'
import { startDispatcher } from '../../core/delivery/dispatcher'
import { wecomWebhookSender } from '../../core/delivery/senders/wecom-webhook'

async function main(): Promise<void> {
  const env = process.env
  const dataSource = await createDetectedDataSource(env.DATABASE_URL as string)
  await dataSource.initialize()
  const sender = wecomWebhookSender({ apiBase: env.API_BASE as string, windows: [{ count: 100_000, perMs: 1_000 }] })
  startDispatcher(
    { dataSource, clock: createClock(), logger: pino({ level: 'silent' }) },
    { wecom_webhook: sender },
    { instance: env.INSTANCE, concurrency: Number(env.CONCURRENCY), leaseMs: Number(env.LEASE_MS), pollMs: 50 },
  )
  process.stdout.write('ready\n')
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
