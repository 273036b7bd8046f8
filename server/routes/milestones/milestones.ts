import type Router from '@koa/router'
import type { DataSource } from 'typeorm'
import { latestCohortYear, listMilestones } from '../../../core/cohorts/list-milestones'
import { NotFoundError } from '../../../core/errors'
import { type Validated, validate } from '../../middlewares/validate'
import { type MilestonesQuery, milestonesQuery } from './schema'

/** `GET /api/v1/milestones`: every dated step of a cohort's plan in date order (CONTRACT §4). */
export function milestoneRoutes(router: Router, dataSource: DataSource): void {
  router.get('/api/v1/milestones', validate(milestonesQuery, 'query'), async (ctx) => {
    const { input } = ctx.state as Validated<MilestonesQuery>
    const cohort = input.cohort ?? (await latestCohortYear(dataSource))
    const milestones = cohort === undefined ? [] : await listMilestones(dataSource, cohort)
    if (milestones.length === 0) throw new NotFoundError(`没有 ${input.cohort ?? ''} 年度的培养计划`.replace('  ', ' '))
    ctx.body = milestones
  })
}
