/** A scheduled job: it declares its own schedule, in Beijing time, and what it does. */
export interface Job<Deps> {
  name: string
  /** A node-cron expression, read in Asia/Shanghai. */
  cron: string
  run(deps: Deps): Promise<void>
}
