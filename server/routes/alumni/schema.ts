import { z } from 'zod'
import { cohortYear } from '../cohort-param'

export { studentParams } from '../evaluations/schema'

/** `:year` of a cohort. */
export const cohortParams = z.object({ year: cohortYear })

/** `GET /api/v1/alumni?cohort=2023`. */
export const alumniQuery = z.object({ cohort: cohortYear.optional() })

/** `POST /api/v1/alumni/:id/notes`: at least one of the three. */
export const noteBody = z
  .strictObject({
    whereabouts: z.string().trim().min(1).max(100).optional(),
    major: z.string().trim().min(1).max(100).optional(),
    note: z.string().trim().min(1).max(2000).optional(),
  })
  .refine((n) => n.whereabouts || n.major || n.note, { message: '去向、专业、备注至少填一项', path: ['note'] })

/** One former student in the 英才库. */
export const alumnusAnswer = z.object({
  id: z.string(),
  name: z.string(),
  cohort: z.number(),
  city: z.string(),
  school: z.string(),
  alumnusSince: z.string().nullable(),
  latest: z
    .object({
      whereabouts: z.string().nullable(),
      major: z.string().nullable(),
      note: z.string().nullable(),
      on: z.string(),
    })
    .nullable(),
})
