import { memoOfText } from './memo'
import type { FactIndex } from './retrieval'
import { tokenize } from './tokenize'

/**
 * The answer-text part of retrieval's score: a fact whose answer says the question's own
 * specific words (and says two of them close together) is raised, because the detail asked is
 * often said only in the answer of the narrow fact while a broader fact's keywords carry the topic.
 */

/** Weight of a question word found verbatim in a fact's answer, times its rarity among answers. */
const ANSWER_WORD_WEIGHT = 1.1
/** Weight of two question words found close together in a fact's answer (开放…实验室, 中期评价和年度评价). */
const PROXIMITY_WEIGHT = 1.4
/** Two words are close when at most this many characters lie between them. */
const NEAR = 6

export function answerDf(index: FactIndex, word: string): number {
  let df = index.answerDf.get(word)
  if (df === undefined) {
    df = index.answers.filter((a) => a.includes(word)).length
    index.answerDf.set(word, df)
  }
  return df
}

/**
 * The question's content words that some answer holds (jieba words of two or more characters,
 * not stop words), those inside a longer such word left out (实验 in 实验室; but 毕业 stays when
 * no answer says 高中毕业).
 */
export function contentWords(index: FactIndex, text: string): string[] {
  const words = [
    ...new Set(
      tokenize(text, index.synonyms)
        .filter((t) => t.kind === 'word' && [...t.term].length >= 2 && /[\u4e00-\u9fff]/.test(t.term))
        .map((t) => t.term),
    ),
  ].filter((w) => answerDf(index, w) > 0)
  return words.filter((w) => !words.some((o) => o !== w && o.includes(w)))
}

/**
 * Rewards a fact whose answer holds the question's own specific words, the rarer the more, and
 * more again when two of them stand close together: the detail asked (开放, 档案, 组织, 毕业) is
 * often said only in the answer of the narrow fact, while the broader fact's keywords carry the
 * topic (实验室, 中学) and would otherwise win.
 */
export function addAnswerWordBonus(index: FactIndex, text: string, scores: number[]): void {
  const words = contentWords(index, text)
  if (words.length === 0) return
  const n = index.answers.length
  const rarity = new Map<string, number>()
  for (const w of words) {
    const df = answerDf(index, w)
    rarity.set(w, Math.log(1 + (n - df + 0.5) / (df + 0.5)))
  }
  // The answers each word occurs in, word by word in the question's order, so that each answer
  // lists its words in that order too.
  const foundIn = new Map<number, { word: string; at: number[] }[]>()
  for (const [w] of rarity) {
    for (const { answer, at } of answerHits(index, w)) {
      const found = foundIn.get(answer)
      if (found) found.push({ word: w, at })
      else foundIn.set(answer, [{ word: w, at }])
    }
  }
  for (const [i, found] of foundIn) {
    let bonus = 0
    for (const f of found) bonus += ANSWER_WORD_WEIGHT * (rarity.get(f.word) as number)
    for (let a = 0; a < found.length; a++) {
      for (let b = a + 1; b < found.length; b++) {
        const x = found[a] as { word: string; at: number[] }
        const y = found[b] as { word: string; at: number[] }
        const near = x.at.some((p) =>
          y.at.some((r) => (p < r ? r - (p + x.word.length) : p - (r + y.word.length)) <= NEAR),
        )
        if (near) bonus += PROXIMITY_WEIGHT * Math.min(rarity.get(x.word) as number, rarity.get(y.word) as number)
      }
    }
    scores[i] = (scores[i] as number) + bonus
  }
}

/** Where a word occurs in the answers: each answer that holds it, with every position (kept per index for recent words). */
function answerHits(index: FactIndex, word: string): readonly { answer: number; at: number[] }[] {
  let hitsOf = recentHits.get(index)
  if (!hitsOf) {
    hitsOf = memoOfText((w) => {
      const hits: { answer: number; at: number[] }[] = []
      index.answers.forEach((text, answer) => {
        const at: number[] = []
        for (let p = text.indexOf(w); p >= 0; p = text.indexOf(w, p + 1)) at.push(p)
        if (at.length > 0) hits.push({ answer, at })
      })
      return hits
    }, 1_024)
    recentHits.set(index, hitsOf)
  }
  return hitsOf(word)
}

const recentHits = new WeakMap<FactIndex, (word: string) => readonly { answer: number; at: number[] }[]>()
