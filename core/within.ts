/**
 * `work`, or a rejection with `timeout()`'s error once `ms` have passed without an answer (the
 * timer is cleared either way). For calls to a server that may stop answering: a database, Redis.
 */
export async function within<T>(work: Promise<T>, ms: number, timeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(timeout()), ms)
      }),
    ])
  } finally {
    clearTimeout(timer)
  }
}

/** The error of a call that got no answer in time. */
export const noAnswerWithin = (ms: number) => () => new Error(`no answer within ${ms} ms`)
