import type { Ask, Context } from '../context'
import type { QaAnswer } from '../qa-answer'

/** One kind of question the assistant answers, tried in the order of `INTENTS` (./index.ts). */
export interface Intent {
  /** A short machine name, shown by `npm run qa:explain`. */
  name: string
  /** What it answers, in one line. */
  description: string
  /**
   * Words without which the intent never answers: when given, the pipeline runs it only on asks
   * whose normalised text (`ask.q`) one of these matches, and skips it on the others unasked. Each
   * is a pattern the intent itself requires before it answers (not a list kept beside it), so the
   * two change together; `triggers.test.ts` answers every known question both ways.
   * Never with the `g` or `y` flag (`test` would then depend on the last match).
   */
  triggers?: readonly RegExp[]
  /** The answer, or undefined when the ask is not of this kind (the next intent is tried). */
  answer(ask: Ask, ctx: Context): QaAnswer | undefined
}
