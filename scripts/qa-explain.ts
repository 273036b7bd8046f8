/**
 * `npm run qa:explain -- "<question>" [--cohort 2023] [--now 2023-10-20T10:00:00+08:00]` — why
 * an answer came out: the normalised text, its tokens, the asks of the message, each intent
 * tried in order and why it declined or answered, the best facts with their scores, and the
 * final answer with its sources. For whoever maintains the facts and the vocabulary.
 */
import { parseArgs } from 'node:util'
import { answerQuestion, type TraceEvent } from '../core/knowledge/answer'
import { contextOf } from '../core/knowledge/context'
import { INTENTS } from '../core/knowledge/intents'
import { normaliseText } from '../core/knowledge/normalise'
import { builtInProgram } from '../core/knowledge/program'
import { searchFacts } from '../core/knowledge/retrieval'
import { tokenize } from '../core/knowledge/tokenize'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { cohort: { type: 'string' }, now: { type: 'string' } },
})
const question = positionals.join(' ').trim()
if (!question) {
  console.error('usage: npm run qa:explain -- "<question>" [--cohort 2023] [--now <ISO instant>]')
  process.exit(1)
}
const program = builtInProgram(values.cohort === undefined ? undefined : Number(values.cohort))
if (!program) {
  console.error(`no program for cohort ${values.cohort}`)
  process.exit(1)
}
const now = values.now ? new Date(values.now) : new Date()
if (Number.isNaN(now.getTime())) {
  console.error(`--now: not a date: ${values.now}`)
  process.exit(1)
}

const ctx = contextOf(program)
const q = normaliseText(question)
const tokens = tokenize(q, ctx.index.synonyms)
const why = new Map(INTENTS.map(({ intent, why }) => [intent.name, why]))

console.log(`cohort      ${program.cohort} (${program.name}), now ${now.toISOString()}`)
console.log(`normalised  ${q}`)
console.log(
  `words       ${tokens
    .filter((t) => t.kind === 'word')
    .map((t) => t.term)
    .join(' ')}`,
)
console.log(
  `synonyms    ${
    tokens
      .filter((t) => t.kind === 'synonym')
      .map((t) => t.term)
      .join(' ') || '—'
  }`,
)

const events: TraceEvent[] = []
const answer = answerQuestion(program, question, now, (e) => events.push(e))

for (const e of events) {
  if (e.kind === 'message') {
    if (e.asks.length > 1) console.log(`\nasks        ${e.asks.map((a) => `「${a}」`).join(' ')}`)
  } else if (e.kind === 'ask') {
    const opts = [e.ask.context ? 'the whole message as context' : '', e.ask.eligibility ? '' : 'eligibility off']
    console.log(`\nask «${e.ask.question}»${opts.some(Boolean) ? ` (${opts.filter(Boolean).join(', ')})` : ''}`)
  } else if (e.answer) {
    console.log(`  ✓ ${e.intent.padEnd(16)} answers (${e.answer.intent}, confidence ${e.answer.confidence})`)
    console.log(`    ${''.padEnd(16)} stands here because ${why.get(e.intent)}`)
  } else {
    console.log(`  · ${e.intent.padEnd(16)} declines: ${e.reason ?? 'its words are not in the ask'}`)
  }
}

console.log('\ntop facts')
for (const s of searchFacts(ctx.index, q).slice(0, 5)) {
  console.log(`  ${s.score.toFixed(2).padStart(6)}  ${s.fact.id} (${s.fact.section} ${s.fact.title})`)
}

console.log(`\nanswer      [${answer.intent}, confidence ${answer.confidence}]`)
console.log(answer.answer)
console.log(`sources     ${answer.sources.map((s) => `${s.section} ${s.title}`).join('；') || '—'}`)
