import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict'
import { memoOfText } from './memo'
import { LANGUAGE_SYNONYMS, SYNONYM_GROUPS, type SynonymTable, synonymTerms } from './synonyms'

/**
 * Chinese tokenisation for retrieval: jieba's search-mode words (so 管理办公室 also yields
 * 办公室), character bigrams of every Chinese run (so a word jieba cuts differently still
 * overlaps), and `≈canonical` terms from the synonym table (so 娃 meets 学生).
 */

let jieba: Jieba | undefined

/** Words already in the segmenter's dictionary beyond its own. */
const taught = new Set<string>()

/** Adds words (2+ Chinese characters) to the segmenter so they stay whole: a program's words and synonyms. */
export function teachWords(words: readonly string[]): void {
  const j = getJieba()
  const fresh = words.filter((w) => w.length >= 2 && /^[\u4e00-\u9fff]+$/.test(w) && !taught.has(w))
  if (fresh.length === 0) return
  for (const w of fresh) taught.add(w)
  j.loadDict(Buffer.from([...new Set(fresh)].map((w) => `${w} 20000 n`).join('\n')))
}

/** The one jieba instance, built on first use with the synonyms' words (building takes ~0.2 s). */
export function getJieba(): Jieba {
  if (jieba) return jieba
  jieba = Jieba.withDict(dict)
  teachWords(SYNONYM_GROUPS.flat())
  return jieba
}

/** Words too common in questions to tell facts apart. */
const STOP_WORDS = new Set(
  (
    '的 了 吗 呢 啊 呀 吧 嘛 哦 么 是 我 我们 你 你们 他 她 它 请问 请 问 一下 这个 那个 这 那 有 没有 要 会 能 可以 ' +
    '什么 怎么 怎样 如何 哪 哪些 哪个 哪几 多少 几 吗 不 还 也 都 就 和 与 及 跟 或 或者 在 对 把 被 给 让 从 到 ' +
    '想 知道 一 个 下 些 说 看 呗 啦 喽 哈 嗯 谢谢 您 方案 里 中 上 时候'
  ).split(' '),
)

const CJK_RUN = /[\u4e00-\u9fff]+/g
const WORD = /[\u4e00-\u9fff]|[a-z0-9]/

/** A token of a text with its kind: a jieba word, a character bigram, or a canonical synonym. */
export interface Token {
  term: string
  kind: 'word' | 'bigram' | 'synonym'
}

/** The recent texts' tokens, per synonym table: answering one message tokenises the same texts many times. */
const recent = new WeakMap<SynonymTable, (text: string) => readonly Token[]>()

/**
 * The tokens of a text (already normalised), duplicates kept so that term frequency counts;
 * synonyms from `table` (a program's, see retrieval's FactIndex; the language's by default).
 */
export function tokenize(text: string, table: SynonymTable = LANGUAGE_SYNONYMS): readonly Token[] {
  let tokensOf = recent.get(table)
  if (!tokensOf) {
    tokensOf = memoOfText((t) => tokenizeAfresh(t, table))
    recent.set(table, tokensOf)
  }
  return tokensOf(text)
}

function tokenizeAfresh(text: string, table: SynonymTable): Token[] {
  const out: Token[] = []
  for (const w of getJieba().cutForSearch(text, true)) {
    const word = w.trim().toLowerCase()
    if (!word || !WORD.test(word) || STOP_WORDS.has(word)) continue
    out.push({ term: word, kind: 'word' })
  }
  for (const run of text.match(CJK_RUN) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) {
      const bigram = run.slice(i, i + 2)
      if (STOP_WORDS.has(bigram)) continue
      out.push({ term: `#${bigram}`, kind: 'bigram' })
    }
  }
  for (const canonical of synonymTerms(text, table)) out.push({ term: `≈${canonical}`, kind: 'synonym' })
  return out
}
