import { z } from 'zod'
import { ACTIVITY_KINDS } from '../../../entities/activity.entity'
import { LOG_SOURCES } from '../../../entities/growth-log.entity'
import { GROWTH_LOG_LIMITS } from '../../../core/logs/create-growth-log'

const OBJECT = '请求体须为 JSON 对象'
const TEXT = '须为文字'
const PAGE = '须为正整数'

/** A positive id in a path: digits, no leading zero. */
const pathId = (what: string) => z.string().regex(/^[1-9]\d{0,9}$/, `须为${what}编号`)

/** `:id` of `/students/:id/…`: a student's person id. */
export const studentParams = z.object({ id: pathId('学员') })

/** `:id` of `/me/logs/:id`. */
export const logParams = z.object({ id: pathId('日志') })

/** `?page=&pageSize=` of a list: the first page of 20 unless said. */
export const pageQuery = z.object({
  page: z.coerce.number({ message: PAGE }).int(PAGE).min(1, PAGE).max(100_000, PAGE).default(1),
  pageSize: z.coerce.number({ message: PAGE }).int(PAGE).min(1, '至少 1').max(50, '最多 50').default(20),
})

/** A Beijing calendar day written YYYY-MM-DD that exists (no 2月30日). */
const day = z
  .string({ message: TEXT })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '须为日期，例如 2023-11-18')
  .refine((v) => {
    const at = new Date(`${v}T00:00:00Z`)
    return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(v)
  }, '没有这一天')

const words = (max: number, min = 1) =>
  z
    .string({ message: TEXT })
    .trim()
    .min(min, min === 1 ? '不能为空' : `至少 ${min} 个字`)
    .max(max, `最多 ${max} 个字`)

/** `POST /api/v1/me/activities`: the campus visit a student checks in. */
export const checkInBody = z.object(
  { happenedOn: day, place: words(GROWTH_LOG_LIMITS.place), title: words(200) },
  { message: OBJECT },
)

/** `POST /api/v1/me/logs`: a growth log about one of the student's activities. */
export const createLogBody = z.object(
  {
    activityId: z
      .number({ message: '须为活动编号（数字）' })
      .int('须为活动编号')
      .positive('须为活动编号')
      .max(2 ** 31 - 1),
    content: words(GROWTH_LOG_LIMITS.content, GROWTH_LOG_LIMITS.minText),
    takeaway: words(GROWTH_LOG_LIMITS.takeaway, GROWTH_LOG_LIMITS.minText),
    /** The client's key for this submission: sending it again (a retry) saves once. */
    clientKey: z
      .string({ message: TEXT })
      .regex(/^[\x21-\x7e]{8,64}$/, '须为 8 到 64 个字母、数字或符号')
      .optional(),
  },
  { message: OBJECT },
)

/** `PATCH /api/v1/me/logs/:id`: what was done, what was learnt, or both. */
export const editLogBody = z
  .strictObject(
    {
      content: words(GROWTH_LOG_LIMITS.content, GROWTH_LOG_LIMITS.minText).optional(),
      takeaway: words(GROWTH_LOG_LIMITS.takeaway, GROWTH_LOG_LIMITS.minText).optional(),
    },
    { message: OBJECT },
  )
  .refine((v) => v.content !== undefined || v.takeaway !== undefined, '请给出要修改的 content 或 takeaway')

export const activityAnswer = z.object({
  id: z.number(),
  kind: z.enum(ACTIVITY_KINDS),
  happenedOn: z.string(),
  place: z.string(),
  title: z.string().nullable(),
  createdAt: z.string(),
  /** Its growth log, when written. */
  logId: z.number().nullable(),
})

export const activitiesAnswer = z.object({ items: z.array(activityAnswer) })

export const logAnswer = z.object({
  id: z.number(),
  activityId: z.number().nullable(),
  happenedOn: z.string(),
  place: z.string(),
  content: z.string(),
  takeaway: z.string(),
  source: z.enum(LOG_SOURCES),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  /** Until when its author may still change it. */
  editableUntil: z.string(),
})

export const logsAnswer = z.object({
  items: z.array(logAnswer),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
})
