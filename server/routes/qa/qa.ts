import type Router from '@koa/router'
import { askQuestion, type QaDeps } from '../../../core/knowledge/ask-question'
import { type Validated, validate } from '../../middlewares/validate'
import { type QaBody, qaBody } from './schema'

/** `POST /api/v1/qa`: a question about the program, answered with its sources (CONTRACT §2). */
export function qaRoutes(router: Router, deps: QaDeps): void {
  router.post('/api/v1/qa', validate(qaBody), async (ctx) => {
    const { input } = ctx.state as Validated<QaBody>
    ctx.body = await askQuestion(deps, input)
  })
}
