import { z } from 'zod'
import { cohortYear } from '../cohort-param'

/** `GET /api/v1/milestones?cohort=2023` — the cohort is optional: the latest program. */
export const milestonesQuery = z.object({ cohort: cohortYear.optional() })
export type MilestonesQuery = z.infer<typeof milestonesQuery>
