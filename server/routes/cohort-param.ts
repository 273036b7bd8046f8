import { z } from 'zod'

/** A cohort year as a query or body field: a whole number from 2000 to 2100, given as number or digits. */
export const cohortYear = z.coerce
  .number({ message: 'must be a year such as 2023' })
  .int('must be a year such as 2023')
  .min(2000, 'must be a year such as 2023')
  .max(2100, 'must be a year such as 2023')
