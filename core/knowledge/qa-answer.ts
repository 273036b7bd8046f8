/** One fact an answer rests on, in words an LLM may rephrase. */
export interface AnswerFact {
  section: string
  title: string
  text: string
}

/** The deterministic answer to one question. */
export interface QaAnswer {
  /** Chinese for a person, at most 400 characters, the answer first. */
  answer: string
  /** greeting | eligibility | out_of_scope | not_in_document | contact | quota | deadline | schedule | fact | process */
  intent: string
  /** The plan's articles the answer rests on. */
  sources: { section: string; title: string }[]
  /** Present only when the question asks whether a described student can apply. */
  eligibility?: { verdict: 'eligible' | 'ineligible' | 'unknown'; priority: boolean }
  /** 0..1; below 0.5 the caller records the question for the office to review. */
  confidence: number
  /** The facts the answer rests on. */
  facts: AnswerFact[]
}

/** The most characters an answer may have (CONTRACT §2). */
export const MAX_ANSWER_CHARS = 400
