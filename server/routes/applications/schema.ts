import { z } from 'zod'
import { APPLICATION_STATUSES } from '../../../entities/application.entity'
import { REVIEW_DECISIONS, REVIEW_STEPS } from '../../../entities/application-review.entity'
import { cohortYear } from '../cohort-param'

export { applicationFormSchema as applicationBody } from '../../../core/selection/application-form'

const id = z.string().regex(/^[1-9]\d{0,9}$/, '须为编号')

/** `:id` of an application. */
export const applicationParams = z.object({ id })

/** `:year` of a cohort. */
export const cohortParams = z.object({ year: cohortYear })

/** `GET /api/v1/applications` filters. */
export const applicationQuery = z.object({
  cohort: cohortYear.optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  cityId: z.coerce.number().int().positive().optional(),
  schoolId: z.coerce.number().int().positive().optional(),
})

/** `POST /api/v1/applications/:id/reviews`: a decision at one step; a rejection needs its reason. */
export const decisionBody = z
  .strictObject({
    step: z.enum(REVIEW_STEPS),
    decision: z.enum(REVIEW_DECISIONS),
    comment: z.string().trim().max(1000).optional(),
    mentorId: z.number().int().positive().optional(),
  })
  .refine((d) => d.decision !== 'reject' || (d.comment?.length ?? 0) > 0, {
    message: '不通过须写明理由',
    path: ['comment'],
  })

/** `POST /api/v1/cohorts/:year/public-notice`: the first day of the notice, today when absent. */
export const noticeBody = z
  .strictObject({
    startsOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, '须为日期，例如 2023-11-06')
      .optional(),
  })
  .default({})

const next = z
  .object({
    step: z.string(),
    name: z.string(),
    section: z.string(),
    due: z.string().nullable(),
    dueText: z.string().nullable(),
  })
  .nullable()

/** One application as lists show it. */
export const applicationSummary = z.object({
  id: z.number(),
  cohort: z.number(),
  name: z.string(),
  city: z.string(),
  school: z.string().nullable(),
  grade: z.string(),
  subject: z.string().nullable(),
  status: z.enum(APPLICATION_STATUSES),
  statusText: z.string(),
  priority: z.boolean(),
  mentor: z.string().nullable(),
  notice: z.object({ startsOn: z.string(), endsOn: z.string() }).nullable(),
  next,
})

/** One application with its form and history. */
export const applicationDetail = applicationSummary.extend({
  form: z.record(z.string(), z.unknown()),
  history: z.array(
    z.object({
      step: z.string(),
      stepName: z.string(),
      decision: z.string(),
      comment: z.string().nullable(),
      by: z.string().nullable(),
      at: z.string(),
    }),
  ),
})
