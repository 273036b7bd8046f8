import type { MigrationInterface } from 'typeorm'
import { Initial1795672190241 } from './1795672190241-Initial'
import { BotConversation1796171809207 } from './1796171809207-BotConversation'
import { HealthProbeAndRateLimit1796172197547 } from './1796172197547-HealthProbeAndRateLimit'
import { Delivery1796174340358 } from './1796174340358-Delivery'
import { GrowthLogActivityIndex1796175062533 } from './1796175062533-GrowthLogActivityIndex'
import { SignIn1796186228570 } from './1796186228570-SignIn'
import { WechatKf1796186281597 } from './1796186281597-WechatKf'
import { SelectionAndEvaluations1796186779265 } from './1796186779265-SelectionAndEvaluations'
import { MiniProgram1796186787218 } from './1796186787218-MiniProgram'
import { OfficeRoster1796188885973 } from './1796188885973-OfficeRoster'
import { OutboxText1796211025755 } from './1796211025755-OutboxText'
import { AppChatGroups1796222962199 } from './1796222962199-AppChatGroups'

/** Every migration class, oldest first; scripts/generate-migration.ts rewrites this list. */
export const migrations: Array<new () => MigrationInterface> = [
  Initial1795672190241,
  BotConversation1796171809207,
  HealthProbeAndRateLimit1796172197547,
  Delivery1796174340358,
  GrowthLogActivityIndex1796175062533,
  SignIn1796186228570,
  WechatKf1796186281597,
  SelectionAndEvaluations1796186779265,
  MiniProgram1796186787218,
  OfficeRoster1796188885973,
  OutboxText1796211025755,
  AppChatGroups1796222962199,
]
