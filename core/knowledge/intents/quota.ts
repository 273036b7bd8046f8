import { decline } from '../context'
import { findPlaces } from '../../rules/regions'
import type { Program } from '../program'
import type { AnswerFact, QaAnswer } from '../qa-answer'
import { citiesIn, joinWithin } from '../reply'
import { EACH_COUNT } from './each-count'
import { A_FEW } from '../message'
import type { Intent } from './intent'

export const QUOTA =
  /名额|人数|(学生|学员|遴选|选拔|入选)[^，,。？?]{0,4}(总数|数量|规模|总量)|总规模|[\u4e00-\u9fff]{2,3}?(市)?多还是[\u4e00-\u9fff]{2,3}?(市)?多|(多少|几)(个|名|位)?(人|学生|孩子|娃|学员|同学)|选(拔)?(多少|几)|招(收)?(多少|几)|录(取)?(多少|几)|(多少|几)名(?!师)|(选|招|录|收|给)了?\d+(个|名|人|位)(?!环节|步骤|阶段|方面|部分|级|月|次)|\d+(个|名|人)(名额)?吧/

/** A question comparing two cities' quotas. */
const DIFFERENCE = /比(?!例|重|率).{0,8}(多|少)|相差|差(几|多少)|差距|多(几|多少)|少(几|多少)/
/** A city's share of all places ("南宁占比多少"), or one city's places as a multiple of another's. */
const SHARE =
  /占比|比例|比重|占[^，,。？?]{0,10}(多少|几成|百分之|一半|几分之|\d+%)|百分之几|几成|百分比|是不是一半|有没有一半|过半/
/** All the cities at once ("三市合计"), never one borrowed from another ask of the message. */
const ALL_CITIES = /[三3](个|座)?(实施|参与|参加|试点)?(市|城市|地)|各市|全部|所有|全区/
/** Asks how one number compares with another ("相比是多是少", "一样吗"). */
const COMPARED =
  /相比|比较|对比|多还是少|是多(?!少)|是少|相同|一样|相等|哪个多|谁多|哪个少|谁少|比(?!例|重|率)[^，,。？?]{0,6}(多|少)|有没有[^，,。？?]{1,6}(多|少)|没[^，,。？?]{1,6}多|不如|(跟|与|和|同)[^，,。？?]{1,6}比(呢|一下|一比)?[，,]?$|比[，,]?(哪个|谁)(多|少)|有[^，,。？?]{1,6}(多|少)(吗|不|么|没|呢)|之比|比值|够不够[^，,。？?]{0,8}多|比得上|赶得上/
/** Asks for the mean over the cities ("三市平均每市名额"). */
const AVERAGE = /平均/
/** The asker's own city, named elsewhere in the message ("桂林市科协：我市…"). */
const MY_CITY = /我市|本市|我们市|咱市/
const TIMES = /几倍|多少倍|倍数|[两二三四\d]倍/
/** A number asked as a multiple of a city's places ("名额的2倍"…"多少名"). */
const MULTIPLE = /名额的?(\d+|两|二|三)倍(?=[^？?]*(多少|几))/
const SUM =
  /一共|总共|合计|相加|之和|加总|加一块|加到一块|加起来|加在一起|加一起|加到一起|总数|共(选|有|招|多少|几)|合起来|总名额/

/** A number the places are chosen from ("候选人90名", "报名120人"). */
const POOL = /(候选人|报名|申请|参评|推荐|申报|报送)[^，,。？?\d]{0,12}?(\d+)\s*(名|人|个|份)/
/** Asks the share of those chosen ("入选比例", "录取率", "几分之几"). */
const SELECTED_SHARE = /(入选|录取|选上|通过)(比例|比率|率)|几分之几|百分之几|概率|(比例|比率)[^，,。？?]{0,4}(多少|几)/

/** Asks whether a city's quota covers its counties, county-level cities or outer districts. */
const COVERS_ASK = /面向|所辖|包含|包括|含不含|含|算不算|算在|在内|只给|只限|仅限|只有市区|覆盖/
const COUNTY_WORDS = /县|县级市|下辖|郊区|市区|城区|区的/

/**
 * "南宁市名额与柳州、桂林两市名额之和相比": in a clause naming every city, the one set apart from the
 * summed pair by 与/跟/同/比 — the first before the pair, or the last after its sum.
 */
function setApart(program: Program, clause: string): Program['cities'][number] | undefined {
  const at = program.cities
    .map((c) => ({ c, i: clause.indexOf(c.name.replace(/市$/, '')) }))
    .filter((x) => x.i >= 0)
    .sort((a, b) => a.i - b.i)
  if (at.length !== 3) return undefined
  const [a, b, c] = at as [(typeof at)[0], (typeof at)[0], (typeof at)[0]]
  const gap = (x: typeof a, y: typeof a) => clause.slice(x.i + x.c.name.length - 1, y.i)
  const apart = /与|跟|同|比|对比/
  if (apart.test(gap(a, b)) && gap(a, b).length > 2) return a.c
  if (apart.test(gap(b, c)) && SUM.test(gap(b, c))) return c.c
  return undefined
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))

/** "柳州和桂林加起来是不是跟南宁一样多": the city after 跟/与/比 in the same clause is the one compared with. */
function comparedCity(program: Program, q: string) {
  return program.cities.find((c) =>
    new RegExp(
      `(跟|与|同|比|和|有|没有?|不如)(我们|咱们|俺们|你们|他们)?${c.name.replace(/市$/, '')}市?[^，,。？?]{0,4}(一样|相同|相等|多|少|比)`,
    ).test(q),
  )
}

/**
 * "柳州、桂林加起来共多少？与南宁相比是多是少": one city set against the sum of the others a message
 * names, the sum perhaps asked in another clause; undefined when no such pair is named.
 */
export function sumAgainst(program: Program, q: string, context?: string) {
  const own = citiesIn(program, q)
  // The ask's own clauses first; a sum of another ask is borrowed only by an ask naming one city at most
  // ("南宁比柳州多几个？柳州桂林加起来跟南宁比哪个多": the first ask compares its own two cities).
  const clauses = `${q}，${context ?? ''}`.split(/[，,。？?；;！!]/)
  const sumClause = clauses.find(
    (c) =>
      SUM.test(c) &&
      citiesIn(program, c).inProgram.length >= 2 &&
      (SUM.test(q) || own.inProgram.length < 2 || q.includes(c)),
  )
  const compareClause = clauses.find((c) => COMPARED.test(c) && citiesIn(program, c).inProgram.length === 1)
  const against = comparedCity(program, q)
  const target = compareClause
    ? program.cities.find((c) => c.name === citiesIn(program, compareClause).inProgram[0])
    : (against ?? (sumClause ? setApart(program, sumClause) : undefined))
  const summed = sumClause ? citiesIn(program, sumClause).inProgram.filter((n) => n !== target?.name) : []
  if (!target || summed.length < 2) return undefined
  const others = summed.map((n) => program.cities.find((c) => c.name === n)).filter((c) => c !== undefined)
  return { target, others, sum: others.reduce((s, c) => s + c.quota, 0) }
}

export function quotaAnswer(program: Program, q: string, context?: string): QaAnswer {
  const own = citiesIn(program, q)
  const borrow = own.inProgram.length + own.outside.length === 0 && context && (!ALL_CITIES.test(q) || SHARE.test(q))
  const { inProgram, outside } = borrow ? citiesIn(program, context) : own
  const section = program.cities[0]?.section ?? '四（二）1'
  const total = program.cities.reduce((s, c) => s + c.quota, 0)
  const all = program.cities.map((c) => `${c.name}${c.quota}名`).join('、')
  const sources = [{ section, title: '遴选对象与名额' }]
  const facts: AnswerFact[] = [{ section, title: '各市名额', text: `${all}，合计${total}名` }]
  const parts: string[] = []
  // "桂林市科协：我市…比南宁市少多少名": the asker's own city (我市, or the one the message names besides) is compared.
  const ownCity =
    context &&
    inProgram.length < 2 &&
    (MY_CITY.test(q) || (inProgram.length === 1 && (DIFFERENCE.test(q) || COMPARED.test(q))))
      ? citiesIn(program, context)
          .inProgram.filter((n) => !inProgram.includes(n))
          .sort((a, b) => context.indexOf(a.replace(/市$/, '')) - context.indexOf(b.replace(/市$/, '')))[0]
      : undefined
  const named = [...(ownCity && !SUM.test(q) ? [ownCity] : []), ...inProgram]
    .map((name) => program.cities.find((c) => c.name === name))
    .filter((c): c is Program['cities'][number] => c !== undefined)
  let [first, second] = named
  const pool = POOL.exec(q)
  const percent = (n: number) => `${Number(((n / total) * 100).toFixed(1))}%`
  const against = comparedCity(program, q)
  const versus = sumAgainst(program, q, context)
  if (versus && COMPARED.test(q)) {
    const { target, others, sum } = versus
    const verdict =
      sum === target.quota
        ? `两者相同（一样多）${/差|多多少|多几/.test(`${q}${context ?? ''}`) ? '，差额为0' : ''}`
        : sum > target.quota
          ? `多${sum - target.quota}名`
          : `少${target.quota - sum}名`
    const g = gcd(sum, target.quota)
    const ratio = /之比|比值|比例/.test(q) ? `，两者之比为${sum / g}:${target.quota / g}` : ''
    parts.push(
      `${others.map((c) => c.name).join('和')}合计${sum}名（${others.map((c) => `${c.name}${c.quota}名`).join('、')}），与${target.name}的${target.quota}名相比，${verdict}${ratio}。`,
    )
  } else if (first && named.length === 1 && pool && SELECTED_SHARE.test(q)) {
    // "若南宁市确定遴选候选人90名，入选比例约为多少": the city's places over the number it chooses from.
    const n = Number(pool[2])
    const g = gcd(first.quota, n)
    parts.push(
      `按${first.name}${first.quota}名计算，${n}名中入选${first.quota}名，入选比例为${first.quota / g}/${n / g}，约${Number(((first.quota / n) * 100).toFixed(1))}%。`,
    )
  } else if (first && second && named.length === 2 && TIMES.test(q)) {
    // "南宁的名额是我们桂林的几倍": the city after 是 is the base, whichever the message named first.
    const base = program.cities.find((c) =>
      new RegExp(`是(我们|咱们)?${c.name.replace(/市$/, '')}市?的?(名额)?的?(几|多少)倍`).test(q),
    )
    if (base === first) [first, second] = [second, first]
    const times = Number((first.quota / second.quota).toFixed(2))
    parts.push(
      `${first.name}${first.quota}名，${second.name}${second.quota}名，${first.name}的名额是${second.name}的${times}倍。`,
    )
  } else if (named.length >= 2 && SHARE.test(q) && (SUM.test(q) || (context !== undefined && SUM.test(context)))) {
    // "柳州、桂林合计多少？占三市的比例是多少": the share of the sum.
    const sum = named.reduce((s, c) => s + c.quota, 0)
    const half = sum * 2 === total ? '，正好一半' : ''
    parts.push(`${named.map((c) => c.name).join('和')}合计${sum}名，占三市合计${total}名的${percent(sum)}${half}。`)
  } else if (named.length >= 1 && SHARE.test(q)) {
    const half = (c: { quota: number }) => (c.quota * 2 === total ? '，正好一半' : '')
    parts.push(
      `${named.map((c) => `${c.name}${c.quota}名，占三市合计${total}名的${percent(c.quota)}${half(c)}`).join('；')}（${all}）。`,
    )
  } else if (first && second && named.length === 2 && (DIFFERENCE.test(q) || COMPARED.test(q))) {
    // "南宁…比柳州多几个": said in the asker's direction, the city after 比 last; "比我们多" is the asker's city.
    const base = against ?? (/比(我们|咱们|俺们)/.test(q) ? program.cities.find((c) => c.name === ownCity) : undefined)
    const [a, b] = base === first ? [second, first] : [first, second]
    const gap = Math.abs(a.quota - b.quota)
    const verdict = gap === 0 ? `两市名额一样多` : `${a.name}比${b.name}${a.quota > b.quota ? '多' : '少'}${gap}名`
    // "是不是刚好翻一倍": the ratio too.
    const times =
      /翻(一)?倍|双倍|两倍|2倍/.test(q) && b.quota > 0
        ? `，是${b.name}的${Number((a.quota / b.quota).toFixed(2))}倍`
        : ''
    parts.push(`${a.name}${a.quota}名，${b.name}${b.quota}名，${verdict}${times}。`)
  } else if (first && named.length === 1 && MULTIPLE.test(q)) {
    // "按本市选拔名额的2倍报送候选人，应报送多少名": a multiple of the city's places.
    const n = Number((MULTIPLE.exec(q)?.[1] ?? '2').replace(/两|二/, '2').replace('三', '3'))
    parts.push(`${first.name}选拔${first.quota}名，${n}倍是${first.quota * n}名。`)
  } else if (named.length >= 2 && SUM.test(q)) {
    const sum = named.reduce((s, c) => s + c.quota, 0)
    parts.push(
      `${named.map((c) => c.name).join('和')}一共${sum}名（${named.map((c) => `${c.name}${c.quota}名`).join('、')}）。`,
    )
  } else if (named.length >= 1) {
    // "柳州是20个吧": a number the question proposes for one city, when it is wrong, is corrected first.
    // Only a number offered as the quota ("选20个", "20个吧"), not one of the asker's own words ("一位高一学生的家长").
    const proposed =
      named.length === 1
        ? /(?:选|招|录|是|有|给)了?(\d+)(?:个|名|人|位)|(\d+)(?:个|名|人|位)(?:名额)?(?:吧|吗|对吗|对吧|是吗)|(?:入选|录取|确定)[^，,。？?\d]{0,4}(\d+)(?:个|名|人|位)/.exec(
            q.replace(/\d+%/g, ''),
          )
        : null
    const guess = proposed ? (proposed[1] ?? proposed[2] ?? proposed[3]) : undefined
    // "如柳州市最终入选13名，较额定名额相差几名": a number of students against the quota, not a guess of it.
    const against = /入选|录取|选上/.test(q) && DIFFERENCE.test(q)
    const wrong = guess && first && !against && Number(guess) !== first.quota ? `不是${guess}名，` : ''
    const gap =
      against && guess && first
        ? `入选${guess}名，与额定的${first.quota}名相差${Math.abs(first.quota - Number(guess))}名。`
        : ''
    parts.push(`${wrong}${named.map((c) => `${c.name}选拔${c.quota}名学生`).join('，')}。${gap}`)
  }
  for (const city of outside) parts.push(`${city}不在本计划的实施范围内，没有名额。`)
  const counties = findPlaces(q).some((p) => p.division !== undefined) || COUNTY_WORDS.test(q)
  if (named.length > 0 && counties && COVERS_ASK.test(q)) {
    // 四（二）1 gives each city's quota for every 高一/高二 student of its 辖区: counties included.
    parts.push(
      `包括：名额面向${named.map((c) => c.name).join('、')}辖区内的全体${program.eligibility.grades.allowed.join('、')}学生，下辖的县、县级市和各城区的学校都在范围内（${section}）。`,
    )
  }
  if (named.length === 0) parts.push(`本计划按城市分配名额：${all}，三市合计${total}名学生。`)
  if (AVERAGE.test(q))
    parts.push(`平均每市${Number((total / program.cities.length).toFixed(1))}名（${total}÷${program.cities.length}）。`)
  // The asked city's number first; the others and the schools only when the question reaches them.
  else if (
    named.length > 0 &&
    named.length < program.cities.length &&
    !SHARE.test(q) &&
    (SUM.test(q) || /全部|各市|其他|其它|别的|每个市/.test(q))
  )
    parts.push(`全部名额：${all}，合计${total}名。`)
  if (/学校|每校|中学|高中|本校/.test(q)) parts.push('名额按城市分配，方案没有规定每所学校的推荐人数。')
  // "名额是按县区分的吗": the plan divides the places by city only.
  else if (/(县|区)[^，,。？?]{0,4}(分|分配|划分|切)|按[^，,。？?]{0,2}(县|区)/.test(q))
    parts.push('名额按城市分配，方案没有按县、区再细分。')
  return { answer: joinWithin(parts), intent: 'quota', sources, confidence: 0.92, facts }
}

/** How many students a city (or all) selects, sums and differences. */
export const quota: Intent = {
  name: 'quota',
  description: 'how many students a city or all select, their sum or difference',
  answer: (ask, ctx) =>
    // "湖南那边每年选几个人": another province's own program has no figure here; outside_city says whom to ask.
    findPlaces(ask.q).some((p) => !p.inGuangxi) && citiesIn(ctx.program, ask.q).inProgram.length === 0
      ? decline(ask, 'asks the number of a place outside Guangxi, whose program this plan does not set')
      : QUOTA.test(ask.q.replace(A_FEW, '')) ||
          ((SUM.test(ask.q) || /(?<!哪)(多少|几)个(?![城市地方学校高校大学学科月次])/.test(ask.q.replace(A_FEW, ''))) &&
            citiesIn(ctx.program, ask.q).inProgram.length >= 1) ||
          ((DIFFERENCE.test(ask.q) || EACH_COUNT.test(ask.q)) && citiesIn(ctx.program, ask.q).inProgram.length >= 2) ||
          ((SHARE.test(ask.q) || TIMES.test(ask.q) || COMPARED.test(ask.q)) &&
            !/成绩|评价|考核|分数|排名|权重/.test(ask.q) &&
            citiesIn(ctx.program, ask.q).inProgram.length >= 1)
        ? quotaAnswer(ctx.program, ask.q, ask.context)
        : decline(ask, 'asks no number of students'),
}

/** A stated total ("合计遴选学生60名", "共60个名额"). */
const STATED_TOTAL = /(合计|总共|一共|共计|总计|共)[^，,。？?；;\d]{0,8}?(\d+)\s*(名|个|人)/
/** A share said in words instead of a number ("南宁市占一半", "占半数"). */
const HALF_SAID = /^市?的?(名额)?(占|为|是)?(一半|半数)/

/**
 * "三个实施城市合计遴选学生60名，其中南宁市占一半，是否准确？": the total and the cities' places a
 * statement gives, each checked against the plan's quotas. Undefined when it states none.
 */
export function quotaClaim(program: Program, q: string): QaAnswer | undefined {
  const total = program.cities.reduce((n, c) => n + c.quota, 0)
  const checks: boolean[] = []
  const stated = STATED_TOTAL.exec(q)
  // "该年级共400人" is the size of a grade, not the places.
  if (stated && !/年级|全级|班|全校/.test(q.slice(Math.max(0, stated.index - 6), stated.index)))
    checks.push(Number(stated[2]) === total)
  for (const city of program.cities) {
    const short = city.name.replace(/市$/, '')
    for (const m of q.matchAll(new RegExp(`${short}市?`, 'g'))) {
      const after = q.slice(m.index + m[0].length)
      // "柳州市本年度遴选名额为30名": a few words (本年度, 今年) may stand between the city and its number.
      const number =
        /^市?[^，,。；;\d南柳桂学校班高初生]{0,6}?(名额|选拔|遴选|招收|招|录取)?(为|是|有|占)?\s*(\d+)\s*(名|个|人)/.exec(
          after,
        )
      if (number) checks.push(Number(number[3]) === city.quota)
      else if (HALF_SAID.test(after)) checks.push(city.quota * 2 === total)
    }
  }
  if (checks.length === 0) return undefined
  const section = program.cities[0]?.section ?? ''
  const list = program.cities.map((c) => `${c.name}${c.quota}名`).join('、')
  // "本计划面向实施城市全体高中学生": the grades said wrongly are corrected too.
  const grades = program.eligibility.grades
  const wrongGrades = /全体高中|高中学生|高三|初中|初[一二三]/.test(q)
  if (wrongGrades) checks.push(false)
  const who = wrongGrades ? `遴选对象只是${grades.allowed.join('、')}学生（${grades.section}）；` : ''
  return {
    answer: `${checks.every(Boolean) ? '正确，与方案一致' : '不正确'}：${who}各市名额为${list}，合计${total}名（${section}）。`,
    intent: 'quota',
    sources: [{ section, title: '遴选对象与名额' }],
    confidence: 0.85,
    facts: [{ section, title: '遴选对象与名额', text: `${list}，合计${total}名` }],
  }
}
