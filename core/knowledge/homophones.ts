import { pinyin } from 'pinyin-pro'
import { getJieba } from './tokenize'

/**
 * Slips of voice input and pinyin typing (导市 for 导师, 成长日至 for 成长日志, 报明 for 报名): a
 * program word with one character swapped for another of the same sound. Each program word's
 * one-character variants over the common characters (GB 2312 level 1) are listed once; a variant
 * that is a word of its own (公式 for 公示) is never one. In a question, a variant is read as its
 * word only where it stands as whole words ("导市是哪个大学的" cuts 导/市/是…), never across a
 * word ("这样学可以吗" keeps 可以, though 学可 sounds like 学科).
 */

/** The 3,755 common characters of GB 2312 level 1, by their sound without tone. */
function commonCharactersBySound(): Map<string, string[]> {
  const gbk = new TextDecoder('gbk')
  const bySound = new Map<string, string[]>()
  for (let high = 0xb0; high <= 0xd7; high++) {
    for (let low = 0xa1; low <= 0xfe; low++) {
      if (high === 0xd7 && low > 0xf9) break
      const char = gbk.decode(Uint8Array.of(high, low))
      for (const sound of soundsOf(char)) {
        const same = bySound.get(sound)
        if (same) same.push(char)
        else bySound.set(sound, [char])
      }
    }
  }
  return bySound
}

/** A character's usual sound (a second reading of 哪 or 还 would make 在哪 sound like 在内). */
const soundsOf = (char: string): string[] => pinyin(char, { toneType: 'none', type: 'array' })

/** Characters that carry the question, never a slip for a program word's character. */
const FUNCTION_CHARS = new Set(
  '的了吗呢啊呀吧嘛么哪啥几谁是在有不没也都就还要会能把被给让从到对很吧嗯哦呗须需应该可才再又先',
)

/** Characters that join or mark words (至, 于, 及 …): in a two-character variant they are meant as themselves. */
const JOINING_CHARS = new Set('至于及与或并且即之止')

let sounds: Map<string, string[]> | undefined

/** The variants of `words` by their first two characters, each with the word it stands for. */
export interface Homophones {
  byHead: ReadonlyMap<string, readonly (readonly [variant: string, word: string])[]>
}

/** Each word's variants, kept for every program that has the word. */
const variantsByWord = new Map<string, string[]>()

function variantsOf(word: string): string[] {
  let variants = variantsByWord.get(word)
  if (variants) return variants
  variants = []
  const chars = [...word]
  chars.forEach((char, i) => {
    for (const sound of soundsOf(char)) {
      for (const alike of sounds?.get(sound) ?? []) {
        if (alike === char || FUNCTION_CHARS.has(alike)) continue
        // "起至" is 起…至, never a slip for 起止: a two-character word's slip into a joining character is no slip.
        if (chars.length === 2 && JOINING_CHARS.has(alike)) continue
        variants?.push([...chars.slice(0, i), alike, ...chars.slice(i + 1)].join(''))
      }
    }
  })
  variantsByWord.set(word, variants)
  return variants
}

/** The one-character sound-alike variants of `words` (2–4 Chinese characters each) that are no word themselves. */
export function homophonesOf(words: Iterable<string>): Homophones {
  sounds ??= commonCharactersBySound()
  const jieba = getJieba()
  const known = new Set([...words].filter((w) => /^[\u4e00-\u9fff]{2,4}$/.test(w)))
  const target = new Map<string, string | null>()
  for (const word of known) {
    // Question words are no slips to correct into: Cantonese 成绩几好 (quite good) is not 几号.
    if (/^(几|多少|哪|什么|怎)/.test(word)) continue
    for (const variant of variantsOf(word)) {
      if (known.has(variant)) continue
      const before = target.get(variant)
      // Two words with the same variant: neither is meant.
      target.set(variant, before === undefined || before === word ? word : null)
    }
  }
  const variants = [...target].filter(
    (entry): entry is [string, string] => entry[1] !== null && jieba.cut(entry[0], false).length > 1,
  )
  const byHead = new Map<string, [string, string][]>()
  for (const entry of variants) {
    const head = entry[0].slice(0, 2)
    const list = byHead.get(head)
    if (list) list.push(entry)
    else byHead.set(head, [entry])
  }
  return { byHead }
}

/** `text` with each sound-alike variant that stands as whole words read as its word. */
export function correctHomophones(text: string, table: Homophones): string {
  const found: { at: number; variant: string; word: string }[] = []
  for (let at = 0; at + 1 < text.length; at++) {
    const candidates = table.byHead.get(text.slice(at, at + 2))
    if (!candidates) continue
    for (const [variant, word] of candidates) if (text.startsWith(variant, at)) found.push({ at, variant, word })
  }
  if (found.length === 0) return text
  const bounds = new Set<number>([0])
  let end = 0
  for (const token of getJieba().cut(text, false)) {
    end += token.length
    bounds.add(end)
  }
  // Overlapping variants ("成长日治是": 成长日治 and 治是): the longer one is read, the other not.
  const taken: { at: number; end: number }[] = []
  const whole = found
    .filter(({ at, variant }) => bounds.has(at) && bounds.has(at + variant.length))
    .sort((a, b) => b.variant.length - a.variant.length || a.at - b.at)
  let out = text
  for (const { at, variant, word } of whole) {
    const end = at + variant.length
    if (taken.some((t) => at < t.end && t.at < end)) continue
    taken.push({ at, end })
    out = out.slice(0, at) + word + out.slice(end)
  }
  return out
}

/** Words of a formula in mathematics or science: there 公式 is meant. */
const FORMULA_CONTEXT = /数学|物理|化学|推导|推的|定理|方程|函数|几何|计算|换算|[a-z]=|[a-z][²³]|sin|cos|tan|log|题/

/**
 * 公式 for 公示, the commonest slip of voice input ("名单要公式好久"): a word of its own, so the
 * table above never lists it; read as 公示 unless the message is about a formula.
 */
export function noticeForFormula(text: string): string {
  return text.includes('公式') && !FORMULA_CONTEXT.test(text) ? text.replace(/公式/g, '公示') : text
}
