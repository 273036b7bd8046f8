/**
 * `npm run token -- create --as <handle or person id> --label <what for> [--days N]`, `list`,
 * `revoke <id>`: API tokens for scripts (exports, imports) acting with a staff member's rights.
 * The token is printed once, at creation; only its hash is kept. Every creation and revocation
 * is in the audit log.
 */
import 'reflect-metadata'
import { createClock } from '../core/clock'
import { audit } from '../core/audit'
import { actorOfPerson } from '../core/actor'
import { createScriptToken, listScriptTokens, revokeScriptToken } from '../core/auth/script-tokens'
import { openLoadedDatabase } from '../core/cohorts/open-loaded-database'
import { ConfigError, loadConfig } from '../core/config'
import { IdentityBinding } from '../entities/identity-binding.entity'
import { Person } from '../entities/person.entity'

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

const USAGE = 'usage: npm run token -- create --as <handle|person id> --label <text> [--days N] | list | revoke <id>'

async function main() {
  const command = process.argv[2]
  if (!command || !['create', 'list', 'revoke'].includes(command)) throw new ConfigError(USAGE)
  const config = loadConfig()
  const clock = createClock(config.pinnedNow)
  const { dataSource } = await openLoadedDatabase(config, clock)
  const deps = { dataSource, clock }
  try {
    if (command === 'list') {
      for (const t of await listScriptTokens(dataSource)) {
        const state = t.revokedAt ? 'revoked' : t.expiresAt && t.expiresAt <= clock.now() ? 'expired' : 'live'
        process.stdout.write(`${t.id}\tperson ${t.personId}\t${state}\t${t.createdAt.toISOString()}\t${t.label}\n`)
      }
      return
    }
    if (command === 'revoke') {
      const id = Number(process.argv[3])
      if (!Number.isInteger(id) || id <= 0) throw new ConfigError(USAGE)
      const revoked = await revokeScriptToken(deps, id)
      await dataSource.transaction((m) =>
        audit(m, { roles: [] }, 'token.revoke', `script_token:${id}`, { revoked }, clock.now()),
      )
      process.stdout.write(revoked ? `token ${id} revoked\n` : `token ${id} was not live\n`)
      return
    }
    const who = option('--as')
    const label = option('--label')
    const days = option('--days')
    if (!who || !label || (days !== undefined && !/^\d{1,4}$/.test(days))) throw new ConfigError(USAGE)
    const personId = /^\d+$/.test(who)
      ? (await dataSource.getRepository(Person).findOneBy({ id: Number(who) }))?.id
      : (await dataSource.getRepository(IdentityBinding).findOneBy({ channel: 'terminal', externalId: who }))?.personId
    if (personId === undefined) throw new ConfigError(`no person ${who}`)
    const actor = await actorOfPerson(dataSource, personId)
    if (!actor.roles.some((r) => ['office', 'city_staff', 'teacher'].includes(r.role)))
      throw new ConfigError(`person ${who} holds no staff role: script tokens are for staff`)
    const made = await createScriptToken(deps, { personId, label, days: days ? Number(days) : undefined })
    await dataSource.transaction((m) =>
      audit(m, actor, 'token.create', `script_token:${made.id}`, { label, days: days ?? null }, clock.now()),
    )
    process.stdout.write(`${made.token}\n`)
    process.stderr.write(
      `token ${made.id} for person ${personId}${made.expiresAt ? `, expires ${made.expiresAt.toISOString()}` : ''}: shown once, keep it safe\n`,
    )
  } finally {
    await dataSource.destroy()
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : `token: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
