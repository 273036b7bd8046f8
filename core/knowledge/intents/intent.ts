import type { Ask, Context } from '../context'
import type { QaAnswer } from '../qa-answer'

/** One kind of question the assistant answers, tried in the order of `INTENTS` (./index.ts). */
export interface Intent {
  /** A short machine name, shown by `npm run qa:explain`. */
  name: string
  /** What it answers, in one line. */
  description: string
  /** The answer, or undefined when the ask is not of this kind (the next intent is tried). */
  answer(ask: Ask, ctx: Context): QaAnswer | undefined
}
