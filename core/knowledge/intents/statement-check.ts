import { type Context, decline } from '../context'
import { isSilentTopic } from '../open-topics'
import type { Program, ProgramFact } from '../program'
import type { QaAnswer } from '../qa-answer'
import { clamp } from '../reply'
import { searchFacts } from '../retrieval'
import {
  addedListItem,
  deniedListItem,
  deniedRequirement,
  droppedNegation,
  otherBodysPart,
  otherPartysTask,
  swappedNumber,
  statedOrder,
  swappedOrder,
  swappedUnit,
} from '../statement-slots'
import { clauseVerdict, FRAME, overlap } from '../statement-words'
import { STATEMENT_CHECK } from '../wording'
import { cited, QUOTA_WORDS } from './claim'
import type { Intent } from './intent'
import { quotaClaim, sumAgainst } from './quota'
import { RULE_STATED } from './visits'

/** The facts with the article they are part of first ("六" before "六（二）"), when the plan has it as a fact. */
function withWholeArticle(ctx: Context, about: ProgramFact[]): ProgramFact[] {
  const section = about[0]?.section.replace(/（[^（）]*）$/, '')
  const whole =
    section && section !== about[0]?.section ? ctx.program.facts.find((f) => f.section === section) : undefined
  return whole ? [whole, ...about.filter((f) => f !== whole)] : about
}

/** A statement that a student may apply or gets priority. */
const ASKED_OF_STUDENT = /(可|能|可以)(以)?(申报|报名|报|参加|优先|被推荐)|符合[^，,。？?]{0,4}(条件|要求)/
/** A student described: a grade with a rank, or a student named as 某 or 该生. */
export const STUDENT_SAID =
  /[高初][一二三][^。？?]{0,30}前\d|前\d[^。？?]{0,30}[高初][一二三]|学生[\u4e00-\u9fff]某|该生/

/** The verdict on a statement the plan contradicts. */
const WRONG = '不对，这一理解不正确，与方案不一致，以方案为准'

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
    // "…高二学生黄某，综合成绩恰为年级前20%…我理解其可申报且可优先推荐，对吗": one student's case is the rules' verdict.
    if (ASKED_OF_STUDENT.test(ask.q) && STUDENT_SAID.test(ask.context ?? ask.q))
      return decline(ask, 'states whether a described student may apply: the eligibility verdict')
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
    if (eitherOr && both) return verdictReply(WRONG, about)
    // "我理解的是广西科技大学对接柳州、桂师对接桂林": a point the plan leaves open is said to be open.
    if (isSilentTopic(ctx, ask.q)) return decline(ask, 'states a point the plan leaves open')
    const slot =
      deniedRequirement(ask.q, about) ??
      droppedNegation(ask.q, about) ??
      deniedListItem(ask.q, about) ??
      addedListItem(ask.q, about) ??
      swappedNumber(ask.q, about) ??
      swappedUnit(ask.q, about) ??
      swappedOrder(ctx, ask.q) ??
      otherPartysTask(ctx, ask.q) ??
      otherBodysPart(ctx, ask.q)
    if (slot) return verdictReply(WRONG, [...new Set([slot.fact, ...about])])
    // "先学校推荐，再市级审核、自治区级审核，然后导师遴选，最后公示": the steps in the plan's order.
    if (statedOrder(ctx, ask.q) === 'right') return verdictReply('正确，与方案一致', about)
    if (eitherOr && (both || either)) return verdictReply(both ? WRONG : '正确，与方案一致', about)
    // Said nearly word for word, with no negation of its own and nothing the slots contradict, it is right.
    // A negation the article says too ("市级奖项不在此列" against "…不在优先条件之内") is its own, not the statement's.
    const negated = [
      ...ask.q.replace(/是否|不少于|不低于|不超过|不得少于/g, '').matchAll(/[不无没未非][\u4e00-\u9fff]?/g),
    ].some((m) => !about.some((f) => f.answer.includes(m[0])))
    if (
      near >= 0.85 ||
      (near >= 0.75 && !negated) ||
      (near >= 0.6 && agree && (numbers.length > 0 || holding !== undefined))
    )
      return verdictReply('正确，与方案一致', about)
    // "只有高中阶段获得的奖项才能…": a restriction the article does not say word for word is not its rule.
    // "…不合格的学生可以补考后继续培养": a permission the article does not give (补考 is in none of them).
    const granted = /(可以|能够?|允许|可)([\u4e00-\u9fff]{2})/.exec(ask.q.replace(FRAME, ' '))?.[2]
    // Applying itself (可以报名, 可以参加) is what the conditions grant, whatever words the article uses.
    const added =
      granted !== undefined &&
      !/报名|参加|申请|参与|推荐|报考/.test(granted) &&
      !about.some((f) => f.answer.includes(granted))
    // "学生评价仅在周期结束时进行一次年度评价": a restriction is answered with the whole article it narrows.
    if (/只(有|限|能|负责|管|做|审|是)|仅|才(能|可)/.test(ask.q))
      return verdictReply(WRONG, withWholeArticle(ctx, about))
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
