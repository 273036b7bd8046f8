import { z } from 'zod'
import { EVALUATION_KINDS, EVALUATION_RESULTS } from '../../../entities/evaluation.entity'
import { cohortYear } from '../cohort-param'

/** `:id` of a student (their person id, as every student route). */
export const studentParams = z.object({ id: z.string().regex(/^[1-9]\d{0,9}$/, '须为学员编号') })

/** `PUT /api/v1/students/:id/research-topic`. */
export const topicBody = z.strictObject({
  direction: z.string().trim().min(1).max(200),
  title: z.string().trim().min(1).max(200),
})

/** A research topic as answered. */
export const topicAnswer = z.object({
  direction: z.string(),
  title: z.string(),
  filedOn: z.string().nullable(),
  setAt: z.string(),
})

/** `POST /api/v1/students/:id/evaluations`. */
export const evaluationBody = z
  .strictObject({
    kind: z.enum(EVALUATION_KINDS),
    result: z.enum(EVALUATION_RESULTS),
    materials: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
    comment: z.string().trim().max(1000).optional(),
  })
  .refine((e) => e.result !== 'fail' || (e.comment?.length ?? 0) > 0, {
    message: '不合格须写明理由',
    path: ['comment'],
  })

/** The evaluations of a student with their checklists. */
export const sheetsAnswer = z.object({
  status: z.string(),
  exitReason: z.string().nullable(),
  growthLogs: z.number(),
  evaluations: z.array(
    z.object({
      kind: z.enum(EVALUATION_KINDS),
      name: z.string(),
      section: z.string(),
      due: z.string(),
      materials: z.array(z.object({ name: z.string(), received: z.boolean() })),
      result: z.enum(EVALUATION_RESULTS).nullable(),
      comment: z.string().nullable(),
      evaluatedOn: z.string().nullable(),
    }),
  ),
})

/** `GET /api/v1/evaluations/summary.xlsx?cohort=2023`. */
export const summaryQuery = z.object({ cohort: cohortYear })
