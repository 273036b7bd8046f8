import type Router from '@koa/router'
import type { DataSource } from 'typeorm'
import { isDatabaseReady } from '../../../core/db'

/** `GET /healthz`: 200 once the database answers and is migrated, 503 otherwise (CONTRACT §1). */
export function healthRoutes(router: Router, dataSource: DataSource): void {
  router.get('/healthz', async (ctx) => {
    const ready = await isDatabaseReady(dataSource).catch(() => false)
    ctx.status = ready ? 200 : 503
    ctx.body = ready ? { status: 'ok' } : { status: 'unavailable' }
  })
}
