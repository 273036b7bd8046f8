import { type ChildProcess, spawn } from 'node:child_process'
import { freePort } from '../helpers/server'

const root = `${__dirname}/../..`
const tsx = `${root}/node_modules/.bin/tsx`

/**
 * Starts the service as `npm start` runs it (tsx main.ts) on a free loopback port with `env` over
 * the test's own, and waits until it is healthy. `onSpawn` receives the process at once, so the
 * caller can kill it even when it never becomes healthy.
 */
export async function startMain(
  env: Record<string, string>,
  onSpawn: (child: ChildProcess) => void,
): Promise<{ base: string; process: ChildProcess }> {
  const port = await freePort()
  const child = spawn(tsx, ['main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  onSpawn(child)
  const base = `http://127.0.0.1:${port}`
  await waitHealthy(base, child)
  return { base, process: child }
}

/** Waits until `base`/healthz answers 200; throws when the process exits first or after `timeoutMs`. */
export async function waitHealthy(base: string, proc: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    )
    if (ok) return
    if (proc.exitCode !== null) throw new Error(`the service exited with ${proc.exitCode}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('the service did not become healthy')
}

/** Sends SIGTERM and resolves with the exit code. */
export function stopService(p: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    p.once('exit', (code) => resolve(code))
    p.kill('SIGTERM')
  })
}
