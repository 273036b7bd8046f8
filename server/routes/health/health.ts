import type Router from '@koa/router'
import type { DataSource } from 'typeorm'
import { type ProbeFailure, probeDatabase } from '../../../core/db'
import type { Logger } from '../../../core/logger'
import { errorBody } from '../../middlewares/errors'

/** What an operator reads when a part of the check fails. */
const FAILED: Record<ProbeFailure, string> = {
  connection: '数据库未连接',
  file: '数据库文件丢失或损坏',
  read: '数据库读取失败',
  migrations: '数据库结构未更新（有待执行的迁移）',
  write: '数据库写入失败',
  timeout: '数据库无响应',
}

/**
 * `GET /healthz`: 200 `{"status":"ok"}` when the database really reads and writes (probeDatabase),
 * else 503 in the error shape with the part that failed and Retry-After (CONTRACT §1).
 */
export function healthRoutes(router: Router, dataSource: DataSource, logger?: Logger): void {
  router.get('/healthz', async (ctx) => {
    const probe = await probeDatabase(dataSource)
    if (probe.ok) {
      ctx.body = { status: 'ok' }
      return
    }
    logger?.warn({ failed: probe.failed, reason: probe.reason }, 'health check failed')
    ctx.status = 503
    ctx.set('Retry-After', '5')
    ctx.body = {
      status: 'unavailable',
      failed: probe.failed,
      ...errorBody('database_unavailable', FAILED[probe.failed]),
    }
  })
}
