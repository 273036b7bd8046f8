import { chineseDate, chineseMonth } from '../../time'
import { clamp } from '../reply'
import { type Context, decline } from '../context'
import type { Program, ProgramFact, ProgramMilestone } from '../program'
import type { QaAnswer } from '../qa-answer'
import { CONFIRM_ASK, STATEMENT_CHECK } from '../wording'
import type { Intent } from './intent'
import { searchFacts } from '../retrieval'
import { clauseVerdict, FRAME, overlap } from '../statement-words'
import { deniedRequirement, otherBodysPart, otherPartysTask, swappedNumber } from '../statement-slots'
import { quotaClaim, sumAgainst } from './quota'
import { RULE_STATED } from './visits'

/** A day or a month's end stated ("10月31日前", "2023年10月31号", "3月底"). */
const STATED = /(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})(?:日|号)|(底|末))/g

/** A step's short title: "学校推荐", "中期评价". */
const shortTitle = (m: ProgramMilestone) => m.title.split(/[：:（(，,]/)[0] as string

/** The plan's own date of a step, as the plan says it (a 月底 step by its month). */
export function planDate(m: ProgramMilestone): string {
  return m.month && /月底/.test(m.title)
    ? `${chineseMonth(m.month)}底前`
    : m.month
      ? `${chineseMonth(m.month)}内`
      : `${chineseDate(m.due)}前`
}

/** A body's name as people shorten it: 自治区科协 → 科协 is too loose, but 广西科协, 区科协 and 科技馆 are it. */
function variants(name: string): string[] {
  const bare = name.replace(/^(自治区|广西)/, '')
  return [...new Set([name, `广西${bare}`, `自治区${bare}`, `区${bare}`, bare.length >= 3 ? bare : name])]
}

/**
 * "据了解，本计划由广西科技馆主办、自治区科协承办，请确认": each body said to organise (主办) or
 * undertake (承办) checked against the plan's lists.
 */
export function bodiesClaim(program: Program, q: string): QaAnswer | undefined {
  const { organisers, undertakers } = program.bodies
  let wrong = false
  let said = false
  for (const [names, role, other] of [
    [organisers.names, '主办', undertakers.names],
    [undertakers.names, '承办', organisers.names],
  ] as const) {
    // "承办单位为广西大学和广西师范大学": whatever is named in the role is checked, listed body or not.
    const stated = new RegExp(`${role}(单位|方)(为|是|系)([^，,。？?；;]{2,24})`).exec(q)?.[3]
    if (stated && !/哪|什么|谁|啥|几|多少/.test(stated)) {
      said = true
      // Each body listed in the role must be one of the plan's ("自治区科协、自治区科技厅": 科技厅 is not).
      const listed = stated.split(/[、，,和及与]/).filter((b) => b.length >= 2)
      if (!listed.every((b) => names.some((n) => variants(n).some((v) => b.includes(v) || v.includes(b))))) wrong = true
    }
    for (const name of [...names, ...other]) {
      const claimed = variants(name).some((v) =>
        new RegExp(`${v}[^，,。？?；;、]{0,3}${role}|${role}(单位|方)?(是|为|系)?[^，,。？?；;]{0,12}${v}`).test(q),
      )
      if (!claimed) continue
      said = true
      if (!names.includes(name)) wrong = true
    }
  }
  if (!said) return undefined
  const { section } = organisers
  return {
    answer: `${wrong ? '不对' : '对'}：主办单位是${organisers.names.join('和')}，承办单位是${undertakers.names.join('和')}（${section}）。`,
    intent: 'fact',
    sources: [{ section, title: '主办和承办单位' }],
    confidence: 0.85,
    facts: [
      {
        section,
        title: '主办和承办单位',
        text: `主办${organisers.names.join('、')}；承办${undertakers.names.join('、')}`,
      },
    ],
  }
}

/** Asks whether a planned day meets a deadline ("是否在规定时限内", "是否符合方案要求", "来得及吗"). */
const DEADLINE_FIT =
  /是否在[^，,。？?]{0,6}(时限|期限|规定时间)内|(是否|能否)(符合|满足)[^，,。？?]{0,6}(要求|规定|时限)|来得及|赶得上|是否逾期|会不会(超时|逾期|晚)/

/**
 * "市级科协应于10月31日前报送管理办公室，对吗？", "中期评价是3月底前完成吧？": a date stated for a
 * step of the plan, asked to be confirmed — each stated date checked against the step named
 * nearest before it (else after it), said right or corrected.
 */
export const claim: Intent = {
  name: 'claim',
  description: 'a date of a step or a body’s role stated to be confirmed: right, or corrected from the plan',
  triggers: [CONFIRM_ASK, DEADLINE_FIT],
  answer: (ask, ctx) => {
    const { q } = ask
    const fit = DEADLINE_FIT.test(q)
    if (!CONFIRM_ASK.test(q) && !fit) return decline(ask, 'asks nothing to be confirmed')
    // "请确认：中期评价须于2月底前完成，该截止日具体为几月几日": the day of a month's end is asked, not the claim.
    if (/星期几|周几|礼拜几/.test(q)) return decline(ask, 'asks the weekday of a day')
    if (/(底|末)前?/.test(q) && /几号|几日|哪[一1个]?天|哪[一1]?日|何日|具体(日期|是)/.test(q))
      return decline(ask, 'asks the day of a month’s end')
    const bodies = bodiesClaim(ctx.program, q) ?? (QUOTA_WORDS.test(q) ? quotaClaim(ctx.program, q) : undefined)
    if (bodies) return bodies
    const named: { m: ProgramMilestone; at: number; bare?: boolean }[] = []
    for (const m of ctx.program.milestones) {
      const pattern = ctx.vocab.steps.find((s) => s.key === m.key)?.pattern
      if (!pattern) continue
      for (const hit of q.matchAll(new RegExp(pattern.source, 'g')))
        named.push({ m, at: hit.index, bare: /^(截止|报名|申请|方向)$/.test(hit[0]) })
    }
    // "市级科协向管办报送材料的截止日期为…": a bare 截止 names no step once another is named.
    if (named.some((n) => !n.bare)) named.splice(0, named.length, ...named.filter((n) => !n.bare))
    const stated = [...q.matchAll(STATED)]
    // "班主任说10月底前交就行？…学校把材料交给市科协的截止是几号": the step is named in the message's other ask.
    if (named.length === 0 && stated.length > 0 && ask.context) {
      const steps = ctx.program.milestones.filter((m) =>
        ctx.vocab.steps.find((s) => s.key === m.key)?.pattern.test(ask.context?.replace(q, '') ?? ''),
      )
      if (steps.length === 1 && steps[0]) named.push({ m: steps[0], at: 0 })
    }
    if (named.length === 0 || stated.length === 0) return decline(ask, 'states no date of a named step')
    const lines: string[] = []
    const sources: QaAnswer['sources'] = []
    for (const d of stated) {
      const before = named.filter((n) => n.at < d.index).sort((a, b) => b.at - a.at)[0]
      const step = (before ?? named.sort((a, b) => a.at - b.at)[0])?.m
      if (!step || sources.some((s) => s.title === step.title)) continue
      const [year, month, day] = [Number(step.due.slice(0, 4)), Number(step.due.slice(5, 7)), Number(step.due.slice(8))]
      const sameMonth = (!d[1] || Number(d[1]) === year) && Number(d[2]) === month
      const monthEnd = Boolean(step.month) && /月底/.test(step.title)
      // A day stated for a step the plan dates only by its month: the plan names no day to check it against.
      const undated = sameMonth && Boolean(d[3]) && Boolean(step.month) && !monthEnd
      const right = sameMonth && (d[4] ? Boolean(step.month) : Number(d[3]) === day && (!step.month || monthEnd))
      const said = d[0].replace(/号$/, '日')
      // "拟于10月26日报送，是否在规定时限内": a day on or before the deadline is in time.
      const on = `${step.due.slice(0, 4)}-${String(Number(d[2])).padStart(2, '0')}-${String(Number(d[3] ?? 0)).padStart(2, '0')}`
      if (fit && d[3] && !step.month) {
        lines.push(
          on <= step.due
            ? `在规定时限内：${shortTitle(step)}的截止是${planDate(step)}（${step.section}），${said}不晚于截止日。`
            : `不符合：${shortTitle(step)}的截止是${planDate(step)}（${step.section}），${said}已晚于截止日（逾期）。`,
        )
        sources.push({ section: step.section, title: step.title })
        continue
      }
      lines.push(
        undated
          ? `方案只规定${shortTitle(step)}在${planDate(step)}（${step.section}），没有写具体日期，${said}是否安排请以通知为准。`
          : right
            ? `对，没错：${shortTitle(step)}在${planDate(step)}（${step.section}）。`
            : `不对：方案规定${shortTitle(step)}在${planDate(step)}（${step.section}），不是${said}。${dueThen(ctx, step, d)}`,
      )
      sources.push({ section: step.section, title: step.title })
    }
    if (lines.length === 0) return decline(ask, 'no stated date pairs with a step')
    // "中期评价由各参与中学自行组织，于3月底前完成": who carries the step out is said too, in its article's words.
    if (/由[^，,。？?]{1,12}(组织|负责|完成|开展|实施|承担)/.test(q))
      for (const s of sources) {
        const fact = ctx.program.facts.find((f) => f.section === s.section)
        if (fact) lines.push(cited(fact))
      }
    return {
      answer: lines.join(''),
      intent: 'deadline',
      sources,
      confidence: 0.85,
      facts: sources.map((s) => ({ ...s, text: s.title })),
    }
  },
}

/** A fact's words with its article, as a statement is answered ("…（四（二）1）。"). */
const cited = (f: ProgramFact) => `${f.answer.replace(/。?$/, '')}（${f.section}）。`

/** The facts with the article they are part of first ("六" before "六（二）"), when the plan has it as a fact. */
function withWholeArticle(ctx: Context, about: ProgramFact[]): ProgramFact[] {
  const section = about[0]?.section.replace(/（[^（）]*）$/, '')
  const whole =
    section && section !== about[0]?.section ? ctx.program.facts.find((f) => f.section === section) : undefined
  return whole && !about.includes(whole) ? [whole, ...about] : about
}

/** The verdict on a statement the plan contradicts. */
const WRONG = '这一理解不正确，与方案不一致，以方案为准'

/** A statement answered with the articles it is set against, after the verdict. */
function verdictReply(verdict: string, about: ProgramFact[]): QaAnswer {
  return {
    answer: clamp(`${verdict}：${about.map(cited).join('')}`),
    intent: 'fact',
    sources: about.map((f) => ({ section: f.section, title: f.title })),
    confidence: 0.75,
    facts: about.map((f) => ({ section: f.section, title: f.title, text: f.answer })),
  }
}

/**
 * "…市级科协须于10月24日前将材料报送管办": the step the stated day belongs to, said with who does what
 * then ("10月24日是学校推荐的截止日：学校把…交到当地市级科协"); empty when no other step is due that day.
 */
function dueThen(ctx: Context, step: ProgramMilestone, d: RegExpMatchArray): string {
  const [month, day] = [Number(d[2]), Number(d[3])]
  const other = ctx.program.milestones.find(
    (m) => m !== step && !m.month && Number(m.due.slice(5, 7)) === month && Number(m.due.slice(8)) === day,
  )
  if (!other || !d[3]) return ''
  const [name, what] = other.title.split(/[：:]/)
  return `${month}月${day}日是${name}的截止日${what ? `：${what}` : ''}（${other.section}）。`
}

/** A statement about the numbers of students: checked against the quotas. */
const QUOTA_WORDS =
  /名额|遴选学生|选拔学生|(遴选|选拔|招收|录取|入选)[^，,。？?]{0,6}\d+名|\d+名学生|\d+个名额|(?<![第\d])\d+\s*名(?!师|单|次)/

/**
 * "【核实】有教师认为方案规定‘学生每学期须到高校参加培养不少于10次’，该理解是否准确？": a statement
 * set against the article it is about (the best fact for it). Said almost word for word by that
 * article, it is right; otherwise it is not quite the plan's rule, which is given in full.
 */
export const statementCheck: Intent = {
  name: 'statement_check',
  description: 'a statement or understanding asked to be checked: right, or not quite, with the article’s rule',
  triggers: [STATEMENT_CHECK],
  answer: (ask, ctx) => {
    if (!STATEMENT_CHECK.test(ask.q)) return decline(ask, 'asks no statement to be checked')
    if (RULE_STATED.test(ask.q)) return decline(ask, 'a stated minimum of visits: the visits intent checks it')
    // "经市级科协审核通过后，即直接确定为入选学生": whether a step settles it, which the next-step reading says.
    if (/(通过|过了|完成)后?[^。？?]{0,6}(即|就|直接|便)[^。？?]{0,4}(确定|入选|录取|选上)/.test(ask.q))
      return decline(ask, 'states that a step settles the outcome: the steps after it answer')
    // "请确认：…须于2月底前完成，该截止日具体为几月几日": a point is asked, not only whether it is right.
    if (/几|多少|哪|什么|谁/.test(ask.q.replace(/是否|准确|正确/g, '')))
      return decline(ask, 'asks a point besides whether the statement is right')
    if (ctx.program.contacts.some((c) => ask.q.includes(c.person)))
      return decline(ask, 'a contact person stated: the person intent checks it')
    const quotas = QUOTA_WORDS.test(ask.q) ? quotaClaim(ctx.program, ask.q) : undefined
    if (quotas) return quotas
    // "柳州、桂林两市名额之和与南宁市名额相等": a sum of cities' places stated equal to another city's.
    const summed = /相等|相同|一样|持平|等于/.test(ask.q) ? sumAgainst(ctx.program, ask.q) : undefined
    if (summed) return sumVerdict(ctx.program, summed)
    // "请确认以下表述：A；B。": each clause set against its own article; said right only when each is.
    const clauses = ask.q
      .replace(/^[^：:]*[：:]/, '')
      .split(/[；;]/)
      .filter((c) => c.replace(FRAME, '').length >= 6)
    if (clauses.length >= 2) {
      const found = clauses.map((c) => searchFacts(ctx.index, c))
      const tops = found.map((f) => f[0])
      if (tops.every((t) => t && t.score >= 8)) {
        // A clause retrieval can hardly place between two articles ("分市级与自治区级两级") gets both.
        const near = found.flatMap((f) => f.slice(0, 2).filter((x) => x.score >= 0.8 * (f[0]?.score ?? 0)))
        const facts = [...new Set(near.map((t) => t.fact))]
        const verdicts = clauses.map((c, i) => clauseVerdict(c, found[i]?.slice(0, 2).map((x) => x.fact.answer) ?? []))
        if (verdicts.every((v) => v === 'right')) return verdictReply('正确，与方案一致', facts)
        if (verdicts.includes('wrong')) return verdictReply(WRONG, facts)
        return verdictReply('以方案为准', facts)
      }
    }
    // The articles about it: the best fact, and the next when retrieval can hardly tell them apart.
    // "我校对“双师共导”的理解为：…": the article that holds the quoted term is the one the statement is about.
    const term = /[“"]([^”"]{2,10})[”"]/.exec(ask.q)?.[1]
    const held = term ? ctx.program.facts.find((f) => f.answer.includes(term)) : undefined
    const holding = held ? { fact: held, score: Number.POSITIVE_INFINITY } : undefined
    const [first, second] = holding ? [holding, undefined] : ask.scored
    if (!first || first.score < 8) return decline(ask, 'no article of the plan is about the statement')
    // "市级科协负责审核申报材料的真实性": the article of the party the statement names is what it is set against.
    const ofParty = new Set(ctx.vocab.parties.filter((p) => p.pattern.test(ask.q)).flatMap((p) => p.facts))
    const party = ask.scored
      .slice(0, 5)
      .find((s) => ofParty.has(s.fact.id) && s !== first && s.score >= 0.6 * first.score)
    const about =
      party && !ofParty.has(first.fact.id)
        ? [party.fact, first.fact]
        : second && second.score >= first.score * 0.9
          ? [first.fact, second.fact]
          : [first.fact]
    // Said almost word for word by one of them, the statement is right.
    // An either-or rule ("满足其一即可") stated as both ("须同时满足") is wrong; stated as either, right.
    const eitherOr = about.some((f) => /其一|或者|之一/.test(f.answer))
    const both = /同时|两项(条件)?(都|均)|(均|都)(须|需|要)(满足|达到)|并且|缺一不可|[%％]且/.test(ask.q)
    const either = /或|其中一项|任一|之一|其一|一项即可/.test(ask.q)
    // Numbers said (5个工作日, 10次) that the article also says, with most of the words, make it right;
    // a number the article does not say, or little of its words, make it wrong; anything between is set
    // beside the article without a verdict, never called wrong on loose wording alone.
    const near = Math.max(...about.map((f) => overlap(ask.q, f.answer)))
    const numbers = ask.q.replace(FRAME, ' ').match(/\d+/g) ?? []
    const agree = numbers.every((n) => about.some((f) => f.answer.includes(n)))
    // A number said with another number's words, a party given another party's task, or a requirement
    // said not to be needed, is wrong.
    const slot =
      deniedRequirement(ask.q, about) ??
      swappedNumber(ask.q, about) ??
      otherPartysTask(ctx, ask.q) ??
      otherBodysPart(ctx, ask.q)
    if (slot) return verdictReply(WRONG, [...new Set([slot.fact, ...about])])
    if (eitherOr && (both || either)) return verdictReply(both ? WRONG : '正确，与方案一致', about)
    // Said nearly word for word, with no negation of its own and nothing the slots contradict, it is right.
    const negated = /不|无|没|未|非/.test(ask.q.replace(/是否|不少于|不低于|不超过|不得少于/g, ''))
    if (
      near >= 0.85 ||
      (near >= 0.75 && !negated) ||
      (near >= 0.6 && agree && (numbers.length > 0 || holding !== undefined))
    )
      return verdictReply('正确，与方案一致', about)
    // "只有高中阶段获得的奖项才能…": a restriction the article does not say word for word is not its rule.
    // "…不合格的学生可以补考后继续培养": a permission the article does not give (补考 is in none of them).
    const granted = /(可以|能够?|允许|可)([\u4e00-\u9fff]{2})/.exec(ask.q.replace(FRAME, ' '))?.[2]
    const added = granted !== undefined && !about.some((f) => f.answer.includes(granted))
    // "学生评价仅在周期结束时进行一次年度评价": a restriction is answered with the whole article it narrows.
    if (/只有|仅限?|只限|只能|才(能|可)/.test(ask.q)) return verdictReply(WRONG, withWholeArticle(ctx, about))
    if ((numbers.length > 0 && !agree) || near < 0.5 || added) return verdictReply(WRONG, about)
    return verdictReply('请以方案的规定为准', about)
  },
}

/** A stated equality of a sum of cities' places with another city's, checked. */
function sumVerdict(program: Program, { target, others, sum }: NonNullable<ReturnType<typeof sumAgainst>>): QaAnswer {
  const section = program.cities[0]?.section ?? ''
  const list = others.map((c) => `${c.name}${c.quota}名`).join('、')
  const verdict = sum === target.quota ? '正确，与方案一致' : '不正确'
  return {
    answer: `${verdict}：${list}，合计${sum}名，${target.name}${target.quota}名，${sum === target.quota ? '两者相等' : `两者相差${Math.abs(sum - target.quota)}名`}（${section}）。`,
    intent: 'quota',
    sources: [{ section, title: '遴选对象与名额' }],
    confidence: 0.85,
    facts: [{ section, title: '遴选对象与名额', text: `${list}；${target.name}${target.quota}名` }],
  }
}
