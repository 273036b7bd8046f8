import { z } from 'zod'
import { cohortYear } from '../cohort-param'

/** `POST /api/v1/qa` body (CONTRACT §2). */
export const qaBody = z.object(
  {
    question: z
      .string({ message: 'must be text' })
      .trim()
      .min(1, 'must not be empty')
      .refine((q) => [...q].length <= 500, 'must be at most 500 characters'),
    cohort: cohortYear.optional(),
  },
  { message: 'body must be a JSON object' },
)
export type QaBody = z.infer<typeof qaBody>
