/**
 * Puts a question into one spelling before anything reads it: half-width letters and digits,
 * lower case, one kind of dash, no spaces, and Chinese numbers written as digits where they
 * count something (三十个名额 → 30个名额, 十月二十四号 → 10月24号, 百分之十五 → 15%).
 * Words that merely contain a numeral (高一, 一等奖, 十一条, 一年) are left alone, since they
 * are names, not quantities.
 */

import * as OpenCC from 'opencc-js'
import { chineseNumberToInt } from '../chinese-numbers'
import { memoOfText } from './memo'

export { chineseNumberToInt }

const NUM = '[零〇一二两三四五六七八九十百千]+'
/** Units after which a Chinese number is a quantity or a date part. */
const COUNTED = '(?=个工作日|个月|月份|月|日|号|次|个|名|人|天|位|所|周|%|分(?!之)|岁|项|篇|份)'
// Global patterns are safe to share: replace() always starts them from the beginning.
const PERCENT_WORDS = new RegExp(`百分之(${NUM}|\\d+(?:\\.\\d+)?)`, 'g')
/** 克 for 去 in Guangxi speech ("克大学", "一个月克一次"), only before where one goes or how often. */
const DIALECT_GO =
  /克(?=(大学|高校|学校|实验室|南宁|柳州|桂林|[1-9一两几]次|[1-9一两几]趟|[1-9一两几]回|哪|那边|那里))/g
/** 什么 as parents say it in southwest and Guangxi speech: 啥子, 么子, 乜嘢, and 哪样 after a verb ("带娃做哪样", "有些么子地方"). */
const DIALECT_WHAT = /啥子|么子|乜嘢|(?<=[做搞干弄整带学交])哪样/g
const CANTONESE_WORDS: Record<string, string> = {
  咩: '什么',
  嘅: '的',
  唔: '不',
  系唔系: '是不是',
  系咪: '是不是',
  就系: '就是',
  都系: '都是',
  唔系: '不是',
  佢: '他',
  点样: '怎样',
  几时: '什么时候',
  上堂: '上课',
  㗎: '的',
  唔该: '',
  系边个: '是谁',
  边个: '谁',
  边度: '哪里',
  钟意: '喜欢',
  咗: '了',
  我系: '我是',
  我仔: '我儿子',
  而家: '现在',
  边啲: '哪些',
  几多: '多少',
  好耐: '多久',
  拣: '选',
  几好: '挺好',
  我哋: '我们',
  喺: '在',
}
const CANTONESE = new RegExp(
  Object.keys(CANTONESE_WORDS)
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'g',
)
/** 边几 asks "which" ("边几个"), except where 边 is a side ("那边几号", "这边几个"). */
const CANTONESE_WHICH = /(?<![那这旁左右上下外里两一身北南东西])边几/g
const SPOKEN_TIMES = new RegExp(`(\\d+|${NUM}|几|多少)(?:回|趟)(?![家去来事答复信应头到])`, 'g')
const SPOKEN_HOW_MANY = /好多(个|名|人|次|天)?(?=[呀啊嘛哦哟呢吗?？,，。!！]|$)|好多(个|名)(?=娃|孩子|学生|细伢|人)/g
/** 好久 as southwest speech asks it: how long at the end of an ask ("要公示好久？"), when before a step ("好久开始"). */
const SPOKEN_HOW_LONG = /好久(?=[呀啊嘛哦哟呢吗?？,，。!！]|$)/g
const SPOKEN_WHEN = /好久(?=(开始|结束|截止|出来|出结果|公布|公示|交|报名|面试|考试))/g
// "2.一个学期": a number right after a list number stays a word, or it would read as 2.1.
const COUNTED_NUMBER = new RegExp(`(^|[^高初第.．])(${NUM})${COUNTED}`, 'g')

/**
 * The normalised form of a question (see the module comment). Pure, so the same question always
 * reads the same.
 */
export function normaliseText(text: string): string {
  return normaliseRecent(String(text))
}

const normaliseRecent = memoOfText(normaliseAfresh)

function normaliseAfresh(text: string): string {
  let s = text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[—－–‐‑―]/g, '-')
    // An emoji between two words ends a sentence, as a comma would ("…收费班😅到底是哪个单位办的").
    .replace(/(?<=[\u4e00-\u9fff])(?:\p{Extended_Pictographic}|\u{FE0F}|\u{200D})+\s*(?=[\u4e00-\u9fff])/gu, '，')
    // Before a stop or at the end it adds nothing to read ("还能报不🙏，另外…").
    .replace(/(?:\p{Extended_Pictographic}|\u{FE0F}|\u{200D})+\s*(?=[,.?!;:，。？！；：]|$)/gu, '')
    .replace(/\s+/g, '')
    .toLowerCase()
  // Spoken counts: "去了4回", "还得去几趟" count visits; "一共好多个" at the end of an ask is 多少个.
  s = s
    .replace(SPOKEN_TIMES, '$1次')
    .replace(SPOKEN_HOW_MANY, (_m, a?: string, b?: string) => `多少${a ?? b ?? ''}`)
    .replace(SPOKEN_HOW_LONG, '多久')
    .replace(SPOKEN_WHEN, '什么时候')
    .replace(DIALECT_GO, '去')
    .replace(/冇/g, '没')
    // Cantonese 几多 is 多少 ("前几多名", "又系几多").
    .replace(/几多/g, '多少')
    // "有冇得报", "有没得报": whether one can apply.
    .replace(/有没得(报|参加|申请)/g, '能不能$1')
    .replace(/有没得/g, '有没有')
    // "1⃣培养要搞多久 2⃣…": keycap digits number the asks.
    .replace(/([1-9])\uFE0F?\u20E3/g, '$1.')
    // "元旦前那一个月": December.
    .replace(/元旦前(那|的)?(一)?个?月/g, '12月')
    // "10.24前": a day written with a dot before 前 or 号.
    .replace(/(?<![\d.])(1[0-2]|[1-9])\.([1-3]?\d)(?=前|号|日|之前|以前|截止|那天)/g, '$1月$2日')
    // "截止是10月24，…": a day said without 日 or 号.
    .replace(/(?<!\d)(\d{1,2})月(\d{1,2})(?![\d日号%.个名人次天年月份期])/g, '$1月$2日')
    .replace(/娃崽|细路仔?|细伢子?/g, '孩子')
    // Cantonese counts schools with 间 ("几间大学").
    .replace(/(几|哪几|多少|[一二三四五六七八九两\d])间(大学|高校|学校|中学)/g, '$1所$2')
    // Cantonese written as spoken: 咩 什么, 嘅 的, 系 是 (only in its set phrases: 院系 and 关系 stay), 唔 不.
    .replace(CANTONESE, (w) => CANTONESE_WORDS[w] ?? w)
    .replace(CANTONESE_WHICH, '哪几')
    // 系 as 是 only where a verb stands, never inside a word (联系谁, 关系).
    .replace(/(?<=^|[，,。？?！!\s我你他她佢呢就都之后完])系(?=怎样|点样|什么|谁|哪|几|咩)/g, '是')
    .replace(DIALECT_WHAT, '什么')
  s = s.replace(PERCENT_WORDS, (_m, n: string) => {
    const v = /\d/.test(n) ? n : chineseNumberToInt(n)
    return v === undefined ? _m : `${v}%`
  })
  s = s.replace(COUNTED_NUMBER, (m, before: string, n: string) => {
    // "一个" stays as is only when it reads as an article ("一个学校"), but 1个 says the same.
    // "六七次" is a range (six or seven), never 67.
    if (/^[一二两三四五六七八九]{2,}$/.test(n)) return m
    const v = chineseNumberToInt(n)
    return v === undefined ? m : `${before}${v}`
  })
  return s
}

/** OpenCC's traditional → mainland simplified characters (identity on simplified text). */
const simplify = OpenCC.Converter({ from: 't', to: 'cn' })

/** A question in simplified characters: 南寧市選多少個學生 → 南宁市选多少个学生; simplified text is left as it is. */
export function toSimplified(text: string): string {
  return simplify(text)
}

/** Caches the pattern of each table of short forms. */
const shortForms = new WeakMap<Record<string, string>, { pattern: RegExp; full: Map<string, string> } | null>()

/**
 * Short forms read as their full names (the cohort's vocabulary: "管办" → "管理办公室", "桂师" →
 * "广西师范大学", "nn" → "南宁"), longest first, never inside the full name itself ("管理办" in "管理办公室").
 */
export function expandAbbreviations(text: string, table: Record<string, string>): string {
  let compiled = shortForms.get(table)
  if (compiled === undefined) {
    const shorts = Object.keys(table).sort((a, b) => b.length - a.length)
    const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const alternatives = shorts.map((short) => {
      const full = table[short] as string
      // A Latin short form ("nn" for 南宁) stands alone, never inside a longer Latin word.
      if (/^[a-z]+$/i.test(short)) return `(?<![a-z])${literal(short)}(?![a-z])`
      // A word listed as itself ("市科学技术协会") is kept whole before a shorter slip inside it ("市科学").
      if (full === short) return literal(short)
      return full.startsWith(short) ? `${literal(short)}(?!${literal(full.slice(short.length))})` : literal(short)
    })
    compiled =
      shorts.length === 0
        ? null
        : {
            pattern: new RegExp(alternatives.join('|'), 'gi'),
            full: new Map(Object.entries(table).map(([short, name]) => [short.toLowerCase(), name])),
          }
    shortForms.set(table, compiled)
  }
  if (!compiled) return text
  const { pattern, full } = compiled
  return text.replace(pattern, (m) => full.get(m.toLowerCase()) ?? m)
}

/** The pattern of a run of the cities' first characters ("柳、桂两市"), built once per city list. */
const initialRuns = new WeakMap<readonly { name: string }[], { pattern: RegExp; names: Map<string, string> }>()

/**
 * "柳、桂两市", "南、柳、桂三市": the cities named by their first characters in a run joined by 、 or 和
 * before 两市/三市/各市/市, read as their names. A character alone is never read so (八桂, 桂花).
 */
export function expandCityInitials(text: string, cities: readonly { name: string }[]): string {
  let known = initialRuns.get(cities)
  if (!known) {
    const names = new Map(cities.map((c) => [c.name[0] as string, c.name.replace(/市$/, '')]))
    const one = `[${[...names.keys()].join('')}]`
    known = { pattern: new RegExp(`${one}(?:[、和与及]${one})+(?=[两三各]?市|[两三]地)`, 'g'), names }
    initialRuns.set(cities, known)
  }
  const { pattern, names } = known
  return text.replace(pattern, (run) => run.replace(/[^、和与及]/g, (c) => names.get(c) ?? c))
}
