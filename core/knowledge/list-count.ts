import { clamp } from './reply'

/** Asks how many items a list has ("共有几项", "一共几种", "有多少条"). */
const COUNT_ASK = /(几|多少)(项|条|种|类|点|个方面)/
const CIRCLED = '①②③④⑤⑥⑦⑧⑨'
const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/**
 * "优先推荐条件共有几项": a reply that lists the items (①②③…) without saying how many says the
 * count first, in the unit asked, so the number asked is in the reply and not left to counting.
 */
export function withListCount<T extends { answer: string }>(q: string, answer: T): T {
  const unit = COUNT_ASK.exec(q)?.[2]
  if (!unit || !answer.answer.includes('①')) return answer
  let n = 0
  while (n < CIRCLED.length && answer.answer.includes(CIRCLED[n] as string)) n++
  if (n < 2 || new RegExp(`(共|一共|总共)[${NUMERALS.join('')}\\d]+${unit}`).test(answer.answer)) return answer
  answer.answer = clamp(`共${NUMERALS[n]}${unit}。${answer.answer}`)
  return answer
}
