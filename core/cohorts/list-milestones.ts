import type { DataSource } from 'typeorm'
import { Cohort } from '../../entities/cohort.entity'
import { Milestone } from '../../entities/milestone.entity'

/** A dated step of a cohort's plan, exactly as CONTRACT §4 shows it; `note` only when the step has one. */
export interface MilestoneItem {
  key: string
  title: string
  due: string
  section: string
  audience: string[]
  note?: string
}

/** The dated steps of a cohort's plan in date order (same day: program order). Empty when the cohort is not loaded. */
export async function listMilestones(ds: DataSource, cohortYear: number): Promise<MilestoneItem[]> {
  const rows = await ds
    .getRepository(Milestone)
    .createQueryBuilder('m')
    .innerJoin(Cohort, 'c', 'c.id = m.cohortId')
    .where('c.year = :year', { year: cohortYear })
    .orderBy('m.due', 'ASC')
    .addOrderBy('m.position', 'ASC')
    .getMany()
  return rows.map((m) => {
    const item: MilestoneItem = { key: m.key, title: m.title, due: m.due, section: m.section, audience: m.audience }
    if (m.note) item.note = m.note
    return item
  })
}

/** The year of the newest cohort in the database, or undefined when none is loaded. */
export async function latestCohortYear(ds: DataSource): Promise<number | undefined> {
  const row = await ds.getRepository(Cohort).createQueryBuilder('c').select('MAX(c.year)', 'year').getRawOne<{
    year: number | string | null
  }>()
  return row?.year == null ? undefined : Number(row.year)
}
