import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai'
import type { Config } from '../config'
import { maskText } from '../privacy/mask'
import type { z } from 'zod'
import { MAX_SUMMARY_CHARS, mentorDigestOutputSchema } from '../../prompts/mentor-digest.schema'
import { qaRephraseOutputSchema } from '../../prompts/qa-rephrase.schema'
import { guardAnswer, MAX_ANSWER_CHARS, normaliseSection } from './guard'
import { renderChatPrompt } from './render-prompt'

/**
 * The optional language model. It only rephrases or combines facts the deterministic answerer
 * already retrieved; it sees the question and those facts and nothing about any person. Its
 * output is parsed with zod and checked by the guard, and on any doubt (timeout, HTTP error,
 * malformed or unsupported output) the deterministic answer is used instead. It never throws,
 * so a broken or slow model endpoint can only make answers plainer, never fail them.
 */

/** How to reach an OpenAI-compatible endpoint (core/config.ts `llm`). */
export interface LlmConfig {
  apiKey: string
  baseUrl?: string
  model: string
  timeoutMs: number
  /** The program's name as the prompt introduces it. */
  programName?: string
}

/** One retrieved fact: an article number, its title and the fact in the project's words. */
export interface RephraseFact {
  section: string
  title: string
  text: string
}

/** A cited article. */
export interface SourceRef {
  section: string
  title: string
}

/** What the answerer hands over: the question, the facts it found and its own answer. */
export interface RephraseInput {
  question: string
  facts: RephraseFact[]
  fallback: { answer: string; sources: SourceRef[] }
}

/** The answer to show; `usedLlm` false means the fallback was kept, and `reason` says why (for logs). */
export interface RephraseResult {
  answer: string
  sources: SourceRef[]
  usedLlm: boolean
  reason?: string
}

/** One student's week for the digest's summary: a stand-in for the name (学生1) and the week's logs. */
export interface WeekToSummarise {
  label: string
  logs: Array<{ day: string; place: string; text: string }>
}

/** Each stand-in's summary, or none at all (`reason` says why) when the plain digest is to be sent. */
export type WeekSummaries = { ok: true; summaries: Map<string, string> } | { ok: false; reason: string }

/** The model as the answerer and the mentor digest see it. */
export interface Llm {
  /** Rephrases the retrieved facts into an answer, or returns the fallback. Never throws. */
  rephrase(input: RephraseInput): Promise<RephraseResult>
  /**
   * A short summary of each student's week of logs (the mentor digest). The logs' text is
   * masked (core/privacy/mask.ts) before it leaves; the caller has put stand-ins for the
   * students' names. Never throws: any failure or doubtful output is `ok: false`.
   */
  summariseWeeks(weeks: WeekToSummarise[]): Promise<WeekSummaries>
}

const DEFAULT_PROGRAM_NAME = '八桂青少年英才培养计划'
const PROMPT = 'qa-rephrase'
const DIGEST_PROMPT = 'mentor-digest'

/**
 * A person may type their own or their child's mobile, ID number, e-mail, WeChat id or name into
 * a question; none of it has any bearing on the plan, so it is masked (core/privacy/mask.ts)
 * before the question leaves the service.
 */
export function redactQuestion(question: string): string {
  return maskText(question)
}

class Fallback extends Error {}

function describeFailure(error: unknown): string {
  if (error instanceof Fallback) return error.message
  if (error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError) return 'timeout'
  if (error instanceof APIError)
    return error.status === undefined ? `connection error: ${error.message}` : `http ${error.status}`
  return `error: ${error instanceof Error ? error.message : String(error)}`
}

/** Parses the model's message content: JSON (fences tolerated) that fits `schema`. */
function parseJson<T>(content: string | null | undefined, schema: z.ZodType<T>): T {
  if (!content?.trim()) throw new Fallback('empty response')
  const json = content
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/\s*```$/, '')
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch {
    throw new Fallback('malformed JSON')
  }
  const parsed = schema.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Fallback(`schema: ${issue?.path.join('.') || 'output'} ${issue?.message ?? 'invalid'}`)
  }
  return parsed.data
}

/** Creates the model client; nothing is sent until `rephrase` is called. */
export function createLlm(config: LlmConfig): Llm {
  const client = new OpenAI({
    apiKey: config.apiKey,
    baseURL: config.baseUrl,
    timeout: config.timeoutMs,
    // A retry would double the wait of a person who already has a good deterministic answer.
    maxRetries: 0,
  })

  /** One chat completion in JSON mode, its output parsed against `schema` (ParseError/Fallback on a bad one). */
  async function completeJson<T>(
    prompt: { system: string; user: string },
    schema: z.ZodType<T>,
    signal: AbortSignal,
  ): Promise<T> {
    const completion = await client.chat.completions.create(
      {
        model: config.model,
        messages: [
          { role: 'system', content: prompt.system },
          { role: 'user', content: prompt.user },
        ],
        response_format: { type: 'json_object' },
      },
      { signal, timeout: config.timeoutMs, maxRetries: 0 },
    )
    return parseJson(completion.choices[0]?.message?.content, schema)
  }

  async function ask(input: RephraseInput, signal: AbortSignal): Promise<RephraseResult> {
    const facts = input.facts.map((f) => ({ section: f.section, title: f.title, text: f.text }))
    const prompt = renderChatPrompt(PROMPT, {
      programName: config.programName ?? DEFAULT_PROGRAM_NAME,
      maxChars: MAX_ANSWER_CHARS,
      question: redactQuestion(input.question),
      facts: JSON.stringify(facts, null, 1),
    })
    const output = await completeJson(prompt, qaRephraseOutputSchema, signal)
    const verdict = guardAnswer(output, { facts, fallbackAnswer: input.fallback.answer })
    if (!verdict.ok) throw new Fallback(verdict.reason)

    const titles = new Map(facts.map((f) => [normaliseSection(f.section), f]))
    const cited = [...new Set(output.sources.map(normaliseSection))].map((s) => {
      const fact = titles.get(s)!
      return { section: fact.section, title: fact.title }
    })
    return {
      answer: output.answer.trim(),
      sources: cited.length > 0 ? cited : input.fallback.sources,
      usedLlm: true,
    }
  }

  /** Runs `work` within the configured time, aborting the request when it is up; any failure becomes `onFailure(reason)`. */
  async function bounded<T>(work: (signal: AbortSignal) => Promise<T>, onFailure: (reason: string) => T): Promise<T> {
    const controller = new AbortController()
    let timer: NodeJS.Timeout | undefined
    // The SDK's own timeout covers the wait for headers; this one also bounds a stalled body.
    const deadline = new Promise<T>((resolve) => {
      timer = setTimeout(() => {
        controller.abort()
        resolve(onFailure('timeout'))
      }, config.timeoutMs)
    })
    try {
      return await Promise.race([
        work(controller.signal).catch((error: unknown) => onFailure(describeFailure(error))),
        deadline,
      ])
    } finally {
      clearTimeout(timer)
    }
  }

  async function summarise(weeks: WeekToSummarise[], signal: AbortSignal): Promise<WeekSummaries> {
    const students = weeks.map((w) => ({
      student: w.label,
      logs: w.logs.map((l) => ({ day: l.day, place: maskText(l.place), text: maskText(l.text) })),
    }))
    const prompt = renderChatPrompt(DIGEST_PROMPT, {
      programName: config.programName ?? DEFAULT_PROGRAM_NAME,
      maxChars: MAX_SUMMARY_CHARS,
      students: JSON.stringify(students, null, 1),
    })
    const output = await completeJson(prompt, mentorDigestOutputSchema, signal)
    const labels = new Set(weeks.map((w) => w.label))
    const summaries = new Map<string, string>()
    for (const s of output.summaries) {
      if (!labels.has(s.student)) throw new Fallback(`a summary of an unknown student: ${s.student}`)
      summaries.set(s.student, s.summary)
    }
    return { ok: true, summaries }
  }

  return {
    async summariseWeeks(weeks) {
      if (weeks.length === 0) return { ok: false, reason: 'no logs to summarise' }
      return bounded(
        (signal) => summarise(weeks, signal),
        (reason) => ({ ok: false, reason }),
      )
    },
    async rephrase(input) {
      const fallback = (reason: string): RephraseResult => ({
        answer: input.fallback.answer,
        sources: input.fallback.sources,
        usedLlm: false,
        reason,
      })
      if (input.facts.length === 0) return fallback('no facts to rephrase')
      const controller = new AbortController()
      let timer: NodeJS.Timeout | undefined
      // The SDK's own timeout covers the wait for headers; this one also bounds a stalled body.
      const deadline = new Promise<RephraseResult>((resolve) => {
        timer = setTimeout(() => {
          controller.abort()
          resolve(fallback('timeout'))
        }, config.timeoutMs)
      })
      try {
        return await Promise.race([
          ask(input, controller.signal).catch((error: unknown) => fallback(describeFailure(error))),
          deadline,
        ])
      } finally {
        clearTimeout(timer)
      }
    },
  }
}

/** The model configured in the environment, or undefined when none is (the assistant then works without one). */
export function llmFromConfig(config: Pick<Config, 'llm'>): Llm | undefined {
  return config.llm ? createLlm(config.llm) : undefined
}
