import type { EntityManager } from 'typeorm'
import { Cohort } from '../../entities/cohort.entity'
import { NotFoundError } from '../errors'
import { builtInProgram, type Program } from '../knowledge/program'

/** A cohort's row and its program, together. */
export interface CohortWithProgram {
  cohort: Cohort
  program: Program
}

/**
 * The cohort of a year with its program data (milestones, quotas, materials).
 * @throws NotFoundError when the year has no loaded program.
 */
export async function cohortOfYear(m: EntityManager, year: number): Promise<CohortWithProgram> {
  const cohort = await m.getRepository(Cohort).findOneBy({ year })
  const program = builtInProgram(year)
  if (!cohort || !program) throw new NotFoundError(`没有 ${year} 年度的培养计划`)
  return { cohort, program }
}

/**
 * The cohort of a row id with its program.
 * @throws NotFoundError when it has none.
 */
export async function cohortOfId(m: EntityManager, id: number): Promise<CohortWithProgram> {
  const cohort = await m.getRepository(Cohort).findOneBy({ id })
  const program = cohort ? builtInProgram(cohort.year) : undefined
  if (!cohort || !program) throw new NotFoundError('没有这一期的培养计划')
  return { cohort, program }
}
