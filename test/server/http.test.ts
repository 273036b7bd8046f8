import Koa from 'koa'
import { expect, it } from 'vitest'
import { listen } from '../../server/http'

it('finishes a request in flight when closing, and accepts no new ones', async () => {
  const app = new Koa()
  let release: () => void = () => {}
  const gate = new Promise<void>((r) => {
    release = r
  })
  app.use(async (ctx) => {
    if (ctx.path === '/slow') await gate
    ctx.body = { path: ctx.path }
  })
  const running = await listen(app, 0, '127.0.0.1')
  const base = `http://127.0.0.1:${running.port}`
  const inFlight = fetch(`${base}/slow`).then((r) => r.json())
  await new Promise((r) => setTimeout(r, 50))
  let closed = false
  const closing = running.close(5000).then(() => {
    closed = true
  })
  await new Promise((r) => setTimeout(r, 50))
  await expect(fetch(`${base}/other`)).rejects.toThrow()
  expect(closed).toBe(false)
  release()
  expect(await inFlight).toEqual({ path: '/slow' })
  await closing
  expect(closed).toBe(true)
})
