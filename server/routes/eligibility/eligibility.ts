import type Router from '@koa/router'
import { NotFoundError } from '../../../core/errors'
import { builtInProgram } from '../../../core/knowledge/program'
import { checkEligibility } from '../../../core/rules/eligibility'
import { type Validated, validate } from '../../middlewares/validate'
import { type EligibilityBody, eligibilityBody } from './schema'

/** `POST /api/v1/eligibility`: whether a profile may apply, condition by condition (CONTRACT §3). */
export function eligibilityRoutes(router: Router): void {
  router.post('/api/v1/eligibility', validate(eligibilityBody), async (ctx) => {
    const { cohort, ...profile } = (ctx.state as Validated<EligibilityBody>).input
    const program = builtInProgram(cohort)
    if (!program) throw new NotFoundError(`没有 ${cohort} 年度的培养计划`)
    ctx.body = checkEligibility(program, profile)
  })
}
