import { z } from 'zod'
import { cohortYear } from '../cohort-param'

const ID = '须为正整数编号'
/** A numeric id in a path or query. */
export const idParam = z.string().regex(/^[1-9]\d{0,9}$/, ID)

/** `?cohort=2023` (the latest built-in cohort when absent). */
export const cohortQuery = z.object({ cohort: cohortYear.optional() })

/** `?cohort=&schoolId=`: the invite codes of a cohort, of one school when given. */
export const inviteQuery = z.object({
  cohort: cohortYear.optional(),
  schoolId: z.coerce.number({ message: ID }).int(ID).positive(ID).max(2_147_483_647, ID).optional(),
})

/** `POST /api/v1/office/invite-codes`. */
export const inviteBody = z
  .object({
    cohort: cohortYear.optional(),
    schoolId: z.number({ message: ID }).int(ID).positive(ID).max(2_147_483_647, ID).optional(),
  })
  .strict()
  .default({})

export const importAnswer = z.object({
  cohort: z.number(),
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  schoolsCreated: z.number(),
  parentsCreated: z.number(),
  teachersCreated: z.number(),
})

export const issueAnswer = z.object({ issued: z.number(), live: z.number(), bound: z.number() })

const instant = (what: string) =>
  z
    .string()
    .max(40)
    .refine((s) => {
      const at = Date.parse(s)
      // Within what every database's datetime holds.
      return !Number.isNaN(at) && at >= Date.UTC(2000, 0, 1) && at < Date.UTC(2101, 0, 1)
    }, `${what}须为 2000–2100 年间的 ISO 时间，例如 2023-10-20T00:00:00+08:00`)
    .transform((s) => new Date(s))

const page = z.coerce
  .number({ message: '须为正整数' })
  .int('须为正整数')
  .min(1, '最小为 1')
  .max(100_000, '太大')
  .default(1)
const pageSize = z.coerce
  .number({ message: '须为正整数' })
  .int('须为正整数')
  .min(1, '最小为 1')
  .max(200, '最大为 200')
  .default(50)

/** `GET /api/v1/office/audit-log?actorId=&action=&from=&to=&page=&pageSize=`. */
export const auditQuery = z.object({
  actorId: z.coerce.number({ message: ID }).int(ID).positive(ID).max(2_147_483_647, ID).optional(),
  action: z
    .string()
    .max(64, '最多 64 个字符')
    .regex(/^[a-z_.]+$/, '须为动作名，例如 roster.import，或以 . 结尾的前缀 roster.')
    .optional(),
  from: instant('from ').optional(),
  to: instant('to ').optional(),
  page,
  pageSize,
})

export const auditAnswer = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  entries: z.array(
    z.object({
      id: z.number(),
      actorId: z.number().nullable(),
      actorName: z.string().nullable(),
      action: z.string(),
      target: z.string().nullable(),
      detail: z.unknown(),
      at: z.string(),
    }),
  ),
})

/** `GET /api/v1/office/question-reviews?status=open|handled|all`. */
export const reviewQuery = z.object({
  status: z.enum(['open', 'handled', 'all'], { error: '须为 open、handled 或 all' }).default('open'),
  page,
  pageSize,
})

const officeAnswer = z.object({
  id: z.number(),
  version: z.number(),
  factId: z.string().nullable(),
  answer: z.string().nullable(),
  section: z.string(),
})

export const reviewAnswer = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(
    z.object({
      id: z.number(),
      cohortYear: z.number().nullable(),
      question: z.string(),
      intent: z.string(),
      confidence: z.number(),
      answer: z.string(),
      createdAt: z.string(),
      reviewedAt: z.string().nullable(),
      resolution: z.string().nullable(),
      officeAnswer: officeAnswer.nullable(),
    }),
  ),
})

/** `POST /api/v1/office/question-reviews/:id/answer`: a fact's id, or the office's answer with the article it cites. */
export const attachBody = z.union(
  [
    z.object({ factId: z.string().trim().min(1, '必填').max(64, '最多 64 个字符') }).strict(),
    z
      .object({
        answer: z.string().trim().min(2, '答复太短').max(400, '答复最多 400 个字'),
        section: z.string().trim().min(1, '必填，例如 九（二）1').max(32, '最多 32 个字符'),
      })
      .strict(),
  ],
  { error: '须为 {"factId": "…"} 或 {"answer": "…", "section": "九（二）1"}' },
)

export const attachAnswer = officeAnswer.extend({ cohortYear: z.number(), questionKey: z.string() })

/** `GET /api/v1/broadcasts/:id/status`. */
export const broadcastStatusAnswer = z.object({
  announcement: z.object({ id: z.number(), title: z.string(), createdAt: z.string() }),
  groups: z.array(
    z.object({ name: z.string(), status: z.enum(['sent', 'pending', 'failed']), error: z.string().nullable() }),
  ),
  people: z.object({ sent: z.number(), pending: z.number(), failed: z.number(), unreached: z.number() }),
})
