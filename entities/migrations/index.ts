import type { MigrationInterface } from 'typeorm'
import { Initial1795672190241 } from './1795672190241-Initial'
import { BotConversation1796171809207 } from './1796171809207-BotConversation'
import { HealthProbeAndRateLimit1796172197547 } from './1796172197547-HealthProbeAndRateLimit'

/** Every migration class, oldest first; scripts/generate-migration.ts rewrites this list. */
export const migrations: Array<new () => MigrationInterface> = [
  Initial1795672190241,
  BotConversation1796171809207,
  HealthProbeAndRateLimit1796172197547,
]
