/** Chinese numerals, read one way everywhere: questions, profiles and the LLM guard. */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 }

/**
 * The value of a whole Chinese number: 十五 → 15, 二十四 → 24, 一百零二 → 102, 两千 → 2000,
 * 三万五千 → 35000, and digit by digit when it has no unit (二〇二三 → 2023). Undefined when the
 * text holds anything else or is empty.
 */
export function chineseNumberToInt(text: string): number | undefined {
  if (!text) return undefined
  if (![...text].every((ch) => ch in DIGITS || ch in UNITS)) return undefined
  if (![...text].some((ch) => ch in UNITS)) return Number([...text].map((ch) => DIGITS[ch]).join(''))
  let total = 0
  let section = 0
  let digit: number | undefined
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch]
      continue
    }
    const unit = UNITS[ch] as number
    if (unit === 10000) {
      total += (section + (digit ?? 0)) * unit
      section = 0
    } else {
      section += (digit ?? 1) * unit
    }
    digit = undefined
  }
  return total + section + (digit ?? 0)
}
