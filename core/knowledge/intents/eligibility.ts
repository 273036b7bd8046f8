import { findPlaces, placeFromField } from '../../rules/regions'
import { checkEligibility, type EligibilityCheck } from '../../rules/eligibility'
import { explainEligibility } from '../../rules/explain-eligibility'
import { extractProfile } from '../../rules/extract-profile'
import { type Context, decline } from '../context'
import { offRuleLabels } from '../open-topics'
import { officeContact } from '../program'
import { MAX_ANSWER_CHARS, type QaAnswer } from '../qa-answer'
import { clamp } from '../reply'
import { GENERIC_TASK } from '../scope'
import { APPLY_ASK, ASKING, CLEAR_APPLY_ASK, PRIORITY_ASK, SOMEONE } from '../wording'
import { GRADE_SIZE, PLACE_ASK, placesAsPercents, placeVerdictSentence } from '../grade-places'
import { otherProvince } from './elsewhere'
import type { Intent } from './intent'

/** What a profile sent as a bare statement holds: a number (a rank) or a grade. */
const PROFILE_WORDS = /\d|[高初][一二三]/

/** Something said to be unknown ("物理单科排多少不清楚"): a 多少 that asks nothing. */
const UNKNOWN_SAID =
  /(多少|几|啥|什么|哪个|哪)[^，,。？?]{0,6}(不清楚|不知道|不确定|未知|没出|不晓得|不记得|记不清|忘了)/g

/** A yes-or-no or what-now ask that names no point ("能进不", "咋整", "能否作为特例推荐"). */
const OPEN_ASK =
  /能|可以|可否|是否|行|有戏|有机会|有希望|咋整|怎么办|咋办|进不|中不|上不|稳不|得不|特例|有用|管用|好使|结论|如何|怎么样|怎样|范围内|加成|加分|报不(了|成)|报得/
/** An ask for another point of the plan, which a student's description is only the context of. */
const OTHER_POINT = /几|多少|什么时候|何时|哪(天|里|儿|个|些|一)|谁|截止|电话|联系|怎么报|如何报|流程|材料|申请表|名额/

const HARD_SIGNALS = ['city', 'grade', 'subjectRankPercent', 'overallRankPercent'] as const

/** The names of the hard conditions, for the short form of a verdict. */
const CONDITION_NAMES: Record<string, string> = { city: '城市', grade: '年级', rank: '成绩排名' }

/** A condition met, by name and with what was said ("高二年级", "南宁市"): "1.高二还能报不" hears its grade. */
function metName(check: EligibilityCheck): string {
  const said = check.rule === 'grade' ? /^(.+?)符合/.exec(check.message) : /^(.+?)属于/.exec(check.message)
  if (!said) return CONDITION_NAMES[check.rule] ?? check.rule
  return check.rule === 'grade' ? `${said[1]}年级` : said[1]
}

/**
 * The verdict in one or two sentences, for a message that also asks other things: the verdict,
 * the conditions met by name, and what fails or is still missing with its rule.
 */
function briefEligibility(result: ReturnType<typeof checkEligibility>, priorityAsked: boolean): string {
  const hard = result.checks.filter((c) => c.rule !== 'priority')
  const met = hard.filter((c) => c.status === 'pass').map(metName)
  // When a condition fails, that is the answer; what is still unknown would not change it.
  const failing = hard.filter((c) => c.status === 'fail')
  const open = (failing.length > 0 ? failing : hard.filter((c) => c.status !== 'pass')).map((c) =>
    c.message.replace(/[。；;]$/, ''),
  )
  const verdict = {
    eligible: '能否报名：按方案的报名条件可以报名',
    ineligible: '能否报名：暂不符合报名条件',
    unknown: '能否报名：还不能确定',
  }[result.verdict]
  const metLine = met.length > 0 && result.verdict !== 'eligible' ? `（${met.join('、')}符合）` : ''
  const openLine = open.length > 0 ? `：${open.join('；')}` : ''
  const check = result.checks.find((c) => c.rule === 'priority')
  const priority = result.priority
    ? '；另外符合优先推荐条件'
    : priorityAsked && check
      ? `；优先推荐：${check.message.replace(/[。；;]$/, '')}`
      : ''
  return `${verdict}${metLine}${openLine}${priority}。`
}

/** A school speaking of itself ("我校隶属南宁市", "我们学校"): no student described. */
const SCHOOL_ITSELF = /我校|我院|我们学校|我们中学|本校/g

/** Two grades named together ("高一高二都", "高一和高二", "高一、高二"). */
const SEVERAL_GRADES = /高[一二三1-3][、和与及跟或,，/]?(还有)?高[一二三1-3]/

/** A grade said as the rule's only one ("听说只有高二才能报"): hearsay about the rule, not a student. */
const ONLY_GRADE = /(只有|只限|仅限|只能是?|仅|就只)高[一二三1-3]/

/**
 * "两个娃，一个在兴安县一个在兴宁区": each place named, with its city and whether the program runs
 * there, so the second student is not left out of a verdict written for the first.
 */
function placesNote(ctx: Context, question: string): string {
  if (!/两个|一个[^，,。？?]{0,8}一个|都(能|可以)/.test(question)) return ''
  const places = findPlaces(question).filter((p) => p.inGuangxi)
  const named = [...new Map(places.map((p) => [p.division ?? p.city, p])).values()]
  if (named.length < 2) return ''
  const inProgram = (city: string) => ctx.program.cities.some((c) => c.name === city)
  const each = named.map(
    (p) =>
      `${p.division && p.division !== p.city ? `${p.division}属于${p.city}` : p.city}${inProgram(p.city) ? '（在实施城市内）' : '（不在实施城市内）'}`,
  )
  return `所说的地方：${each.join('；')}；其他条件按上面逐项判断。`
}

/** The eligibility answer in full, and in short for a message with other asks. */
export interface EligibilityReply {
  answer: QaAnswer
  brief: string
}

/**
 * `asker` is the message's asker header ("桂林市某中学咨询："): the place and grade it names are the
 * student's when the message names none.
 */
export function eligibilityAnswer(
  ctx: Context,
  question: string,
  q: string,
  asker?: string,
): EligibilityReply | undefined {
  const program = ctx.program
  const askPriority = PRIORITY_ASK.test(q)
  // A profile sent as a bare statement ("横州高一，数学年级前9%") asks the same as "能报吗".
  const statement = !ASKING.test(q.replace(UNKNOWN_SAID, '')) && PROFILE_WORDS.test(q)
  // "我们在融水，娃读高一，综合前18%，是不是只招市区的": whether the county counts is asked of this student.
  const askedToApply = APPLY_ASK.test(q) || statement || COUNTY_ASK.test(q)
  if (!askedToApply && !askPriority && !PROFILE_WORDS.test(q)) return undefined
  // The place and grade the student's own words give come first; the header's fill only what they leave out
  // ("柳州市科协转来一名学生情况：来宾市合山市高二学生…": the student studies in 合山).
  const { profile: own } = extractProfile(question)
  const headed = asker ? extractProfile(`${asker.replace(/[:：]\s*$/, '')}，${question}`).profile : own
  const profile = { ...own, city: own.city ?? headed.city, grade: own.grade ?? headed.grade }
  const hard = HARD_SIGNALS.filter((k) => profile[k] !== undefined).length
  // "阳朔 高一 物理前16% 综合还没出来 咋整", "…有个专利授权了，能靠专利报吗": a student described in
  // full (place, grade and a rank) with a yes-or-no or what-now ask about no other point asks whether they may apply.
  const deeds = (own.awards?.length ?? 0) + (own.patents?.length ?? 0)
  const described =
    (hard >= 3 || deeds > 0) &&
    profile.city !== undefined &&
    profile.grade !== undefined &&
    OPEN_ASK.test(q) &&
    !OTHER_POINT.test(q)
  const askApply = askedToApply || described
  if (!askApply && !askPriority) return undefined
  if (statement && !APPLY_ASK.test(q) && !askPriority && hard < 2) return undefined
  const extra = (profile.awards?.length ?? 0) + (profile.patents?.length ?? 0) > 0 ? 1 : 0
  // A bare priority question ("市级奖算优先吗") is about the rule, not about one student.
  // A student known only by an award ("孩子参加化学竞赛拿了广西赛区二等奖，能优先吗") is one student, not the rule.
  const awardOnly = hard === 0 && extra === 1 && SOMEONE.test(question)
  // Whether a student's award or patent counts ("孩子的外观设计专利算优先吗") is answered with the rule below.
  // "初一那会儿的专利，现在上高一了还管用嘛": a grade alone with it is still that question.
  const gradeOnly = hard === 1 && profile.grade !== undefined
  const priorityOnly =
    (hard === 0 || gradeOnly) &&
    extra === 1 &&
    askPriority &&
    !askApply &&
    (SOMEONE.test(question) || gradeOnly || /该生|此生|考生|学员/.test(question))
  if (askApply ? hard + extra < 1 : hard < 2 && !awardOnly && !priorityOnly) return undefined
  // 有机会/够不够/行不行 alone may ask about anything ("有没有机会去北京参加科学营", "南宁选30个人够不够"):
  // with nothing but a place known and no student named, it is not a question about applying.
  const onlyPlace = profile.city !== undefined && hard + extra === 1
  if (onlyPlace && !askPriority && !CLEAR_APPLY_ASK.test(q) && !SOMEONE.test(q.replace(SCHOOL_ITSELF, '')))
    return undefined
  // "我们学校高一高二都可以推荐吗": every grade named at once asks the rule, not about one student.
  const ranked = profile.subjectRankPercent !== undefined || profile.overallRankPercent !== undefined
  if (!ranked && extra === 0 && profile.grade !== undefined && SEVERAL_GRADES.test(question)) return undefined
  if (!ranked && extra === 0 && hard === 1 && ONLY_GRADE.test(question)) return undefined
  // "年级800人，…数学单科排第120名": places in a grade of a size said are shares of it.
  const sized = GRADE_SIZE.exec(question)
  const asShares = sized ? placesAsPercents(Number(sized[3]), question) : {}
  const subjectRankPercent = profile.subjectRankPercent ?? asShares.subject
  const overallRankPercent = profile.overallRankPercent ?? asShares.overall
  const result = checkEligibility(program, {
    ...profile,
    ...(subjectRankPercent !== undefined ? { subjectRankPercent } : {}),
    ...(overallRankPercent !== undefined ? { overallRankPercent } : {}),
  })
  // "孩子有个外观设计专利授权了，算优先吗": only an award or patent and an ask for priority, no
  // city, grade or rank: the priority rule and whether the named one meets it, not a checklist.
  if (priorityOnly) {
    // "专利是挂我（家长）名字的": a condition the plan does not set is said first.
    const reply = priorityRuleReply(ctx, result)
    const open = offRuleNote(ctx, question)
    return open ? { ...reply, answer: { ...reply.answer, answer: clamp(`${open}${reply.answer.answer}`) } } : reply
  }
  const explanation = explainEligibility(program, result)
  const sections = [...new Set(result.checks.map((c) => c.section))]
  const note = offRuleNote(ctx, question) || placesNote(ctx, question)
  // A place outside the cities or a grade outside the range cannot be met by waiting: whom to ask.
  const office = officeContact(program)
  const outside = result.checks.some((c) => (c.rule === 'city' || c.rule === 'grade') && c.status === 'fail')
  const contact = outside && !note ? `如有疑问，请咨询管理办公室${office.person}（电话${office.phone}）。` : ''
  // "两个都要达到吗": whether both rank conditions are needed is answered with the verdict (the rule's own words).
  const rankAsked = ctx.vocab.aspects.some((a) => a.facts.includes('rank') && a.pattern.test(q))
  const rank = program.facts.find((f) => f.id === 'rank')
  const rule = rankAsked && rank ? `${rank.answer.replace(/。$/, '')}（${rank.section}）。` : ''
  // "高二年级共650人，…第131名": the place against both lines as places (前130名 / 前97名).
  const size = GRADE_SIZE.exec(question)
  // Two places or more ("第75名、综合第100名") are in the verdict's lines as shares; one is set against both lines.
  const places = question.match(/第\s*\d+\s*(名|位)/g)?.length ?? 0
  const placed = size && places < 2 ? placeVerdictSentence(program, Number(size[3]), question) : undefined
  // "县城学校的学生能报不？还是只要市区的": the city's counties are in it too.
  const city = program.cities.find((c) => profile.city !== undefined && placeFromField(profile.city)?.city === c.name)
  const covers =
    city && COUNTY_ASK.test(question)
      ? `${city.name}辖区内的县、县级市和城区的学校都在遴选范围内，不限于市区（${city.section}）。`
      : ''
  const answer: QaAnswer = {
    answer: withNote(explanation, note || placed || covers || contact || rule, askPriority),
    intent: 'eligibility',
    sources: sections.map((section) => ({
      section,
      title: program.facts.find((f) => f.section === section)?.title ?? '遴选条件',
    })),
    eligibility: { verdict: result.verdict, priority: result.priority },
    confidence: 0.9,
    facts: result.checks.map((c) => ({ section: c.section, title: c.rule, text: c.message })),
  }
  return { answer, brief: `${briefEligibility(result, PRIORITY_ASK.test(question))}${note}` }
}

/**
 * Whether the award or patent named counts for priority, then the rule (四（二）2（3）) and that
 * priority does not replace the conditions to apply; the verdict stays `unknown` for the API.
 */
function priorityRuleReply(ctx: Context, result: ReturnType<typeof checkEligibility>): EligibilityReply {
  const { program } = ctx
  const check = result.checks.find((c) => c.rule === 'priority')
  const rule = ctx.factsById.get('priority')
  const e = program.eligibility
  const named = check ? `${check.message.replace(/[。；;]$/, '')}。` : ''
  const cities = program.cities.map((c) => c.name).join('、')
  const answer: QaAnswer = {
    answer: clamp(
      `${named}方案的优先推荐条件（${e.priority.section}）：${rule?.answer ?? ''}` +
        `优先只是推荐时优先考虑，报名仍须是${cities}的${e.grades.allowed.join('、')}学生（${e.grades.section}），` +
        `并达到年级排名要求（${e.rank.section}）。`,
    ),
    intent: 'eligibility',
    sources: [{ section: e.priority.section, title: rule?.title ?? '优先推荐条件' }],
    eligibility: { verdict: result.verdict, priority: result.priority },
    confidence: 0.9,
    facts: check ? [{ section: check.section, title: check.rule, text: check.message }] : [],
  }
  return { answer, brief: `${briefEligibility(result, true)}` }
}

/**
 * One sentence for an eligibility question that raises a condition the plan does not set: what
 * 四（二）1 does say (the three cities' 辖区, every 高一 and 高二 student, recommended by the school
 * they attend, 九（二）1), that the condition is not mentioned, and whom to ask.
 */
function offRuleNote(ctx: Context, q: string): string {
  const program = ctx.program
  const labels = offRuleLabels(ctx, q)
  if (labels.length === 0) return ''
  const office = officeContact(program)
  const section = program.cities[0]?.section ?? '四（二）1'
  const cities = program.cities.map((c) => c.name).join('、')
  return `方案的遴选对象是${cities}辖区内的全体${program.eligibility.grades.allowed.join('、')}学生（${section}），由就读的中学推荐，没有提到${labels.join('、')}方面的要求；如需确认，请咨询管理办公室${office.person}（电话${office.phone}）。`
}

/**
 * An eligibility explanation with the note on an unset condition, within 400 characters: lines
 * the asker did not ask for (priority, the general reminder) go first, then the rest is cut.
 */
function withNote(explanation: string, note: string, priorityAsked: boolean): string {
  if (!note) return clamp(explanation)
  const room = MAX_ANSWER_CHARS - [...note].length - 1
  let lines = explanation.split('\n')
  const fits = () => [...lines.join('\n')].length <= room
  if (!fits() && !priorityAsked) lines = lines.filter((l) => !l.startsWith('优先推荐'))
  if (!fits()) lines = lines.filter((l) => !l.startsWith('此外须'))
  return `${clamp(lines.join('\n'), room)}\n${note}`
}

/** Asks whether a city's counties count ("县城学校的学生能报不？还是只要市区的"). */
const COUNTY_ASK =
  /(县里|县城|县的|乡镇|农村|郊县)[^。？?]{0,12}(能|可以|也)|只(要|限|收|招)[^，,。？?]{0,3}(市区|城区)|市区[^，,。？?]{0,4}(才|吗|的吗)/

/** A student's profile with an ask to apply: the rules' verdict. */
export const eligibility: Intent = {
  name: 'eligibility',
  description: 'whether a described student may apply or gets priority: the verdict of the rules',
  // eligibilityAnswer reads nothing further without an ask to apply, for priority, or a stated profile.
  triggers: [APPLY_ASK, PRIORITY_ASK, PROFILE_WORDS],
  answer: (ask, ctx) => {
    if (!ask.eligibility) return decline(ask, 'the message asks something else and only mentions applying')
    // "广东那边的英才计划广西户口能报不": applying to another province's program is not this plan's verdict.
    if (otherProvince(ask.q)) return decline(ask, "asks of another province's program")
    // "组织高二年级赴桂林研学，请推荐路线": a general task naming a grade and a city describes no student.
    if (GENERIC_TASK.test(ask.q) && !APPLY_ASK.test(ask.q) && !PRIORITY_ASK.test(ask.q))
      return decline(ask, 'a general task names a grade or city, no student asking to apply')
    // "高一年级共480人，按前15%…排名在第几名以内符合要求": the line as places is asked, no student's place given.
    if (PLACE_ASK.test(ask.q) && GRADE_SIZE.test(ask.q) && !/第\s*\d+\s*名|\d+\s*[/／]\s*\d+/.test(ask.q))
      return decline(ask, 'asks the lines as places in a grade, for no student of its own')
    const reply = eligibilityAnswer(ctx, ask.context ?? ask.question, ask.q, ask.asker)
    return reply?.answer ?? decline(ask, 'no ask to apply with a described student')
  },
}
