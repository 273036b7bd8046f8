import { z } from 'zod'

/**
 * The words of one year's plan as people say them (cohorts/<year>.vocabulary.json): how its
 * steps, parties, mentor titles and open topics are named in questions, and the synonyms only
 * this program uses. Code keeps the language (question words, numerals, dates, negation); a new
 * year's plan changes this file, not the code. Patterns are regular expressions over the
 * normalised question, checked at load and compiled once per program (`compileVocabulary`).
 */

/** A regular expression's source, kept as text so the program stays plain JSON; it must compile. */
const pattern = z
  .string()
  .min(1)
  .superRefine((source, ctx) => {
    try {
      new RegExp(source)
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: `not a regular expression: ${(err as Error).message}` })
    }
  })
const factId = z.string().min(1)
const words = z.array(z.string().min(1))

export const vocabularySchema = z.object({
  /** Dated and undated steps (keys of milestones, undated steps or `training`), the most specific first. */
  steps: z.array(z.object({ key: z.string().min(1), pattern })).min(1),
  /** The selection of students, in order, with the step that decides who is selected and what follows. */
  selection: z.object({
    decidedBy: factId,
    followedBy: z.object({ fact: factId, name: z.string().min(1) }),
    chain: z.array(z.object({ fact: factId, name: z.string().min(1), pattern })).min(1),
  }),
  /** Words that ask what a party must do. */
  dutyWords: pattern,
  /** Words that ask about a school's follow-up work (tracking, later studies). */
  followUpWords: pattern,
  /** Things of the program whose size, length or number of words may be asked (团队, 成长日志, 活动 …). */
  countSubjects: pattern.optional(),
  /** The parties with the facts of their duties; `assisting` leads when asked whom they assist. */
  parties: z.array(
    z.object({
      facts: z.array(factId).min(1),
      pattern,
      assisting: factId.optional(),
      followUp: z.array(factId).optional(),
    }),
  ),
  /** The kinds of mentor the plan lists. */
  mentorTitles: z.array(z.object({ name: z.string().min(1), pattern })).min(1),
  /**
   * Particular points of an article that people ask about by name (示范带动, 开放实验室, 聘书 …):
   * the facts that hold the point answer, before a party's general duties or the conditions.
   */
  aspects: z.array(z.object({ facts: z.array(factId).min(1), pattern })).default([]),
  /**
   * The plan's articles in order, each with its own headings when it has any ("相关要求" → 强化组织领导 …),
   * so "方案分哪几部分" and "“相关要求”提了哪几方面" are answered with the plan's structure.
   */
  outline: z
    .array(
      z.object({
        section: z.string().min(1),
        title: z.string().min(1),
        pattern,
        parts: words.min(2).optional(),
      }),
    )
    .default([]),
  /** Conditions people ask about that the plan's rules do not set; the label is said in the reply. */
  offRuleConditions: z.array(z.object({ label: z.string().min(1), pattern })),
  /** Topics the plan leaves open: the label is said, `related` names the fact the plan does give. */
  openTopics: z.array(
    z.object({ label: z.string().min(1), pattern, related: factId.optional(), alone: z.boolean().optional() }),
  ),
  /** Groups of words for the same thing that only this program uses; the first is the canonical term. */
  synonyms: z.array(words.min(2)),
  /** Canonical synonym terms that alone put a short question inside the program. */
  programTerms: words,
  /** Where the list of selected students is published. */
  noticePlatform: z.string().min(1),
  /** Words of the program the segmenter must keep whole. */
  words,
  /** Short forms people write, read as the full name before anything else ("管办" → "管理办公室"). */
  abbreviations: z.record(z.string().min(1), z.string().min(1)).default({}),
  /** Misspellings of the program's words that typing by sound and voice input produce ("明额" → "名额"). */
  misspellings: z.record(z.string().min(1), z.string().min(1)).default({}),
})

export type Vocabulary = z.infer<typeof vocabularySchema>

/** Replaces every `pattern` (and the *Words patterns) of a vocabulary with its compiled RegExp. */
type Compiled<T> = T extends string
  ? T
  : T extends (infer U)[]
    ? Compiled<U>[]
    : {
        [K in keyof T]: K extends 'pattern' | 'dutyWords' | 'followUpWords' | 'countSubjects' ? RegExp : Compiled<T[K]>
      }

/** A vocabulary with its patterns compiled, as the intents read it. */
export type CompiledVocabulary = Compiled<Vocabulary>

const PATTERN_KEYS = new Set(['pattern', 'dutyWords', 'followUpWords', 'countSubjects'])

/** Compiles the patterns of a (validated) vocabulary. */
export function compileVocabulary(vocabulary: Vocabulary): CompiledVocabulary {
  const walk = (value: unknown, key = ''): unknown => {
    if (typeof value === 'string') return PATTERN_KEYS.has(key) ? new RegExp(value) : value
    if (Array.isArray(value)) return value.map((v) => walk(v))
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]))
    return value
  }
  return walk(vocabulary) as CompiledVocabulary
}
