import { z } from 'zod'

/**
 * What the model must return for prompts/qa-rephrase.md. Anything else (missing keys, an
 * over-long answer, sources that are not strings) fails parsing and the deterministic answer
 * is used instead.
 */
export const qaRephraseOutputSchema = z.object({
  /** The answer for a person, in Chinese; the phone screen allows at most 400 characters. */
  answer: z.string().trim().min(1).max(400),
  /** Article numbers (e.g. 九（二）1) the answer rests on; all must be among the given facts. */
  sources: z.array(z.string().trim().min(1)),
})

/** The model's parsed output for a rephrased answer. */
export type QaRephraseOutput = z.infer<typeof qaRephraseOutputSchema>
