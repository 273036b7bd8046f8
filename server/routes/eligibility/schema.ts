import type { z } from 'zod'
import { eligibilityInputSchema } from '../../../core/rules/eligibility'
import { cohortYear } from '../cohort-param'

/** `POST /api/v1/eligibility` body: the profile of CONTRACT §3, every field optional, plus an optional cohort. */
export const eligibilityBody = eligibilityInputSchema.extend({ cohort: cohortYear.optional() })
export type EligibilityBody = z.infer<typeof eligibilityBody>
