import type { ChildProcess } from 'node:child_process'

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
