import { z } from 'zod'

const YEAR = '须为年份，例如 2023'

/** A cohort year as a query or body field: a whole number from 2000 to 2100, given as number or digits. */
export const cohortYear = z.coerce.number({ message: YEAR }).int(YEAR).min(2000, YEAR).max(2100, YEAR)
