import { Activity } from './activity.entity'
import { AlumnusNote } from './alumnus-note.entity'
import { Announcement } from './announcement.entity'
import { Application } from './application.entity'
import { ApplicationReview } from './application-review.entity'
import { ApiToken } from './api-token.entity'
import { AuditLog } from './audit-log.entity'
import { ChannelLease } from './channel-lease.entity'
import { City } from './city.entity'
import { Cohort } from './cohort.entity'
import { CohortCity } from './cohort-city.entity'
import { Contact } from './contact.entity'
import { ConversationState } from './conversation-state.entity'
import { District } from './district.entity'
import { Evaluation } from './evaluation.entity'
import { Group } from './group.entity'
import { GrowthLog } from './growth-log.entity'
import { HandoffTicket } from './handoff-ticket.entity'
import { Guardianship } from './guardianship.entity'
import { HealthProbe } from './health-probe.entity'
import { IdentityBinding } from './identity-binding.entity'
import { InviteCode } from './invite-code.entity'
import { Mentor } from './mentor.entity'
import { OfficeAnswer } from './office-answer.entity'
import { Milestone } from './milestone.entity'
import { OutboxAttempt } from './outbox-attempt.entity'
import { OutboxMessage } from './outbox-message.entity'
import { OutboxText } from './outbox-text.entity'
import { Person } from './person.entity'
import { PersonRole } from './person-role.entity'
import { PlanArticle } from './plan-article.entity'
import { ProcessedMessage } from './processed-message.entity'
import { QuestionReview } from './question-review.entity'
import { RateLimitWindow } from './rate-limit-window.entity'
import { ResearchTopic } from './research-topic.entity'
import { School } from './school.entity'
import { ScriptToken } from './script-token.entity'
import { ServiceSecret } from './service-secret.entity'
import { Student } from './student.entity'
import { Subject } from './subject.entity'
import { SubscribeConsent } from './subscribe-consent.entity'
import { University } from './university.entity'
import { WechatKfCursor } from './wechat-kf-cursor.entity'
import { WechatKfCustomer } from './wechat-kf-customer.entity'

export * from './activity.entity'
export * from './alumnus-note.entity'
export * from './announcement.entity'
export * from './application.entity'
export * from './application-review.entity'
export * from './api-token.entity'
export * from './audit-log.entity'
export * from './channel-lease.entity'
export * from './city.entity'
export * from './cohort.entity'
export * from './cohort-city.entity'
export * from './contact.entity'
export * from './conversation-state.entity'
export * from './district.entity'
export * from './evaluation.entity'
export * from './group.entity'
export * from './growth-log.entity'
export * from './handoff-ticket.entity'
export * from './guardianship.entity'
export * from './health-probe.entity'
export * from './identity-binding.entity'
export * from './invite-code.entity'
export * from './mentor.entity'
export * from './office-answer.entity'
export * from './milestone.entity'
export * from './outbox-attempt.entity'
export * from './outbox-message.entity'
export * from './outbox-text.entity'
export * from './person.entity'
export * from './person-role.entity'
export * from './plan-article.entity'
export * from './processed-message.entity'
export * from './question-review.entity'
export * from './rate-limit-window.entity'
export * from './research-topic.entity'
export * from './school.entity'
export * from './script-token.entity'
export * from './service-secret.entity'
export * from './student.entity'
export * from './subject.entity'
export * from './subscribe-consent.entity'
export * from './university.entity'
export * from './wechat-kf-cursor.entity'
export * from './wechat-kf-customer.entity'

/**
 * Every entity class, handed to the DataSource as a list (never a glob, so tsx, vitest and a
 * compiled build all see the same classes). Conventions: snake_case table names, camelCase
 * column names, int ids, instants as UTC `datetime` set by the application's Clock (no
 * database defaults, so a pinned clock pins them too), Beijing calendar days as
 * `varchar(10)` YYYY-MM-DD.
 */
export const entities = [
  Cohort,
  CohortCity,
  City,
  District,
  University,
  Subject,
  School,
  Person,
  PersonRole,
  IdentityBinding,
  InviteCode,
  Student,
  Guardianship,
  Mentor,
  Application,
  ApplicationReview,
  Activity,
  GrowthLog,
  ResearchTopic,
  Evaluation,
  Group,
  Announcement,
  OutboxMessage,
  OutboxText,
  ConversationState,
  ProcessedMessage,
  AuditLog,
  Milestone,
  Contact,
  QuestionReview,
  OfficeAnswer,
  PlanArticle,
  HandoffTicket,
  ScriptToken,
  ServiceSecret,
  ChannelLease,
  OutboxAttempt,
  ApiToken,
  SubscribeConsent,
  HealthProbe,
  RateLimitWindow,
  AlumnusNote,
  WechatKfCursor,
  WechatKfCustomer,
]
