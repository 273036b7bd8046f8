import { decline } from '../context'
import { factsReply } from '../reply'
import type { Intent } from './intent'
import { chineseCount } from './outline'

const NUMERALS = '一二三四五六七八九十'
/** A section going on with a numeral is another article ("十" is not "十一"). */
const LEADING_NUMERAL = new RegExp(`^[${NUMERALS}]`)

/**
 * An article of the plan referred to by its number: "第十部分第（三）项", "第九条（五）", "方案八（二）",
 * "第五部分（三）1"; the parts are the article, its item in brackets and an item number.
 */
const ARTICLE_REF = new RegExp(
  `第?([${NUMERALS}]{1,3})(?:部分|条|章|、)?(?:的)?第?[（(]([${NUMERALS}]{1,3})[)）](?:项|条|款|点|部分)?(?:第?(\\d{1,2})(?:项|条|款|点)?)?|第([${NUMERALS}]{1,3})(?:部分|条|章)`,
)

/** The section a reference names ("十（三）", "五（三）1", "七"). */
function sectionOf(m: RegExpExecArray): string {
  if (m[4]) return m[4]
  return `${m[1]}（${m[2]}）${m[3] ?? ''}`
}

/**
 * "请概述方案第十部分第（三）项的主要内容": the facts of the article referred to by number, in plan
 * order. Tried late, so a question that asks something particular of the article (its date, its
 * party) is answered by that reading first.
 */
export const article: Intent = {
  name: 'article',
  description: 'an article of the plan referred to by its number ("第十部分第（三）项")',
  triggers: [ARTICLE_REF, /[（(][一二三四五六七八九十]{1,3}[)）]/],
  answer: (ask, ctx) => {
    const refs = [...ask.q.matchAll(new RegExp(ARTICLE_REF.source, 'g'))]
    // "按进度安排第（五）项": an article named by its title, with the item's number.
    const titled = ctx.vocab.outline
      .map((a) => ({
        a,
        m: new RegExp(`(?:${a.pattern.source})[^，,。？?]{0,3}第?[（(]([${NUMERALS}]{1,3})[)）]`).exec(ask.q),
      }))
      .find((x) => x.m)
    if (refs.length === 0 && titled?.m) {
      const section = `${titled.a.section}（${titled.m[1]}）`
      const ids = ctx.program.facts.filter((f) => f.section === section).map((f) => f.id)
      const reply = factsReply(ctx, ids, `方案${section}的内容：`)
      if (reply) return reply
    }
    const m = refs[0]
    if (!m) return decline(ask, 'refers to no article by number')
    // "方案第六部分和第九部分分别规定了什么内容": each article by its heading and parts.
    if (refs.length > 1) {
      const lines = refs.map((r) => {
        const top = ctx.vocab.outline.find((a) => a.section === (r[1] ?? r[4]))
        if (!top) return ''
        const parts = top.parts?.map((p, i) => `（${chineseCount(i + 1)}）${p}`).join('；')
        return `第${top.section}部分“${top.title}”${parts ? `：${parts}` : ''}`
      })
      if (lines.every(Boolean))
        return {
          answer: `方案${lines.join('。')}。想了解其中哪一项的具体规定，可以接着问我。`,
          intent: 'fact',
          sources: refs.map((r) => ({ section: (r[1] ?? r[4]) as string, title: '实施方案' })),
          confidence: 0.8,
          facts: [],
        }
    }
    const section = sectionOf(m)
    const within = (s: string) =>
      s === section || (s.startsWith(section) && !LEADING_NUMERAL.test(s.slice(section.length)))
    const ids = ctx.program.facts.filter((f) => within(f.section)).map((f) => f.id)
    if (ids.length === 0) return decline(ask, `no fact rests on ${section}`)
    // The article's heading from the outline ("十（三）" → 健全激励机制), else its only fact's title.
    const top = ctx.vocab.outline.find((a) => a.section === (m[1] ?? m[4]))
    const heading = m[4] ? top?.title : top?.parts?.[NUMERALS.indexOf(m[2] as string)]
    const title = heading ?? (ids.length === 1 ? ctx.factsById.get(ids[0] as string)?.title : undefined)
    return (
      factsReply(ctx, ids, `方案${section}${title ? `“${title}”` : ''}的内容：`) ?? decline(ask, 'no fact rests on it')
    )
  },
}
