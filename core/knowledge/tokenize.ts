import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict'
import { SYNONYM_GROUPS, synonymTerms } from './synonyms'

/**
 * Chinese tokenisation for retrieval: jieba's search-mode words (so 管理办公室 also yields
 * 办公室), character bigrams of every Chinese run (so a word jieba cuts differently still
 * overlaps), and `≈canonical` terms from the synonym table (so 娃 meets 学生).
 */

/** Domain words jieba's general dictionary would split, taught to it so they stay whole. */
const DOMAIN_WORDS = [
  '英才计划',
  '八桂英才',
  '管理办公室',
  '双校共学',
  '双师共导',
  '兴趣导向',
  '名师引领',
  '品学兼优',
  '学有余力',
  '成长日志',
  '英才库',
  '综合素质评价',
  '实用新型',
  '发明专利',
  '外观设计',
  '申请表',
  '见面会',
  '师生见面会',
  '中期评价',
  '年度评价',
  '中期汇报',
  '导师遴选',
  '资格审核',
  '市级审核',
  '自治区级',
  '自治区科协',
  '市科协',
  '市级科协',
  '教育厅',
  '科技馆',
  '青少年科技中心',
  '培养周期',
  '培养团队',
  '指导教师',
  '研究方向',
  '云服务平台',
  '工作日',
  '啥时候',
  '几号',
  '多少钱',
  '交钱',
  '包住',
  '高考加分',
  '综评',
  '副高',
  '长江学者',
  '杰青',
  '科学营',
  '培养档案',
  '学科竞赛',
  '科技竞赛',
]

let jieba: Jieba | undefined

/** The one jieba instance, built on first use with the domain words (building takes ~0.2 s). */
export function getJieba(): Jieba {
  if (jieba) return jieba
  const j = Jieba.withDict(dict)
  const extra = new Set([
    ...DOMAIN_WORDS,
    ...SYNONYM_GROUPS.flat().filter((w) => w.length >= 2 && /^[\u4e00-\u9fff]+$/.test(w)),
  ])
  j.loadDict(Buffer.from([...extra].map((w) => `${w} 20000 n`).join('\n')))
  jieba = j
  return j
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

/** The last text tokenised and its tokens: answering one question tokenises the same text more than once. */
let last: { text: string; tokens: readonly Token[] } | undefined

/** The tokens of a text (already normalised), duplicates kept so that term frequency counts. */
export function tokenize(text: string): readonly Token[] {
  if (last?.text === text) return last.tokens
  const tokens = tokenizeAfresh(text)
  last = { text, tokens }
  return tokens
}

function tokenizeAfresh(text: string): Token[] {
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
  for (const canonical of synonymTerms(text)) out.push({ term: `≈${canonical}`, kind: 'synonym' })
  return out
}
