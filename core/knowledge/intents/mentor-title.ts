import { type Context, decline } from '../context'
import type { ProgramFact } from '../program'
import type { QaAnswer } from '../qa-answer'
import { clamp, factOf } from '../reply'
import type { Intent } from './intent'

/** Titles people ask about that the list does not name. */
const OTHER_TITLES =
  /(市级|县级|校级)?的?教学名师|副教授|教授|副研究员|研究员|讲师|助教|博士后|博士|硕士|博导|硕导|工程师|中学(老师|教师)|高中(老师|教师)|大学老师|老师|教师/
/** Asks whether someone may be a mentor of the program. */
const MENTOR_ROLE_ASK =
  /(当|做|担任|成为|聘为|作为|应聘|申请|报)[^，,。？?]{0,10}导师|导师[^，,。？?]{0,4}(资格|条件|要求)|(够|有)(没有)?资格[^，,。？?]{0,6}导师|(能|可以|算)(不能|不可以)?(当|做)?导师/

/** A member of a mentor's team asked about ("其培养团队中有一位讲师"). */
const TEAM_MEMBER =
  /团队(成员|里|中|内|的)|团队[^，,。？?]{0,4}(吸收|纳入|加入|吸纳)|(团队|组)成员|(纳入|加入|进入|吸收|拉进|拉入|带进|进)[^，,。？?]{0,8}团队/
/** A doctorate, or a senior title (副高 or above), which team members have in principle (四（一）). */
const MEETS = /博士(?!后)|副教授|(?<!助理)副?研究员|教授|副高|正高|高级职称/
const BELOW = /讲师|助教|助理研究员|中级|初级|硕士|本科/

/** Whether a team member with the degree and title given meets the plan's rule for the team, and the rule. */
function teamMemberAnswer(team: ProgramFact, q: string, lead = ''): QaAnswer {
  // The member's clauses only: "教授担任导师，团队中有一位讲师" judges the lecturer.
  const about = q
    .split(/[，,。；;]/)
    .filter((clause) => TEAM_MEMBER.test(clause) || !/导师/.test(clause))
    .join('，')
  const verdict = MEETS.test(about)
    ? '按所说的学位或职称，符合团队成员原则上的要求。'
    : BELOW.test(about)
      ? '按所说的学位和职称（没有博士学位，也不是副高以上职称），原则上不符合团队成员的要求；能否例外，方案没有规定。'
      : ''
  return {
    answer: clamp(`${lead}${verdict}方案（${team.section}）：${team.answer}`),
    intent: 'fact',
    sources: [{ section: team.section, title: team.title }],
    confidence: 0.8,
    facts: [factOf(team)],
  }
}

/**
 * Whether a named title is among the mentor kinds the plan lists (四（一）): a yes for a listed
 * kind, and for any other title what the list holds and who decides. A structured check over the
 * list, so a bare yes is never given to a question it does not settle.
 */
function mentorTitleAnswer(ctx: Context, q: string, context?: string): QaAnswer | undefined {
  const team = ctx.factsById.get('mentor_team')
  const judged = (text: string) => MEETS.test(text) || BELOW.test(text)
  const asksFit = /符合|能否|可否|可以|能不能|行不行|够不够|要求|合规|达标|满足/.test(q)
  // "拟推荐一名省级教学名师担任导师，并由一名讲师作为团队成员": the mentor named too is judged first.
  const mentorClause = q.split(/[，,。；;]/).find((c) => /导师/.test(c) && !TEAM_MEMBER.test(c))
  const mentorKind = mentorClause && ctx.vocab.mentorTitles.find((t) => t.pattern.test(mentorClause))
  const lead = mentorKind
    ? `${mentorKind.name}属于方案所列的导师人选，可以担任导师（${ctx.factsById.get('mentor_qualification')?.section ?? team?.section}）。团队成员：`
    : ''
  if (team && TEAM_MEMBER.test(q) && judged(q) && asksFit) return teamMemberAnswer(team, q, lead)
  // "拟将一名硕士、讲师纳入培养团队，…是否符合？": the member is described before the ask.
  if (team && asksFit && context && !MENTOR_ROLE_ASK.test(q) && TEAM_MEMBER.test(context) && judged(context))
    return teamMemberAnswer(team, context)
  // "本人为…教授，拟担任导师，请问：1.导师由谁审定…": who writes is the lead; the ask after the colon is asked.
  if (!MENTOR_ROLE_ASK.test(q.replace(/^.*(请问|咨询|如下)[:：]/, ''))) return undefined
  const fact = ctx.factsById.get('mentor_qualification')
  if (!fact) return undefined
  const titles = ctx.vocab.mentorTitles
  // "本人系…教授，非院士亦非长江学者，请问是否可担任导师": the titles one is not say nothing; the title
  // may be said in the message before the ask.
  const held = (text: string) => text.replace(/(亦|也|并|又)?(非|不是)[^，,。；;亦也并又]{1,10}/g, '')
  const said = [q, context ?? ''].map(held).find((t) => titles.some((x) => x.pattern.test(t)) || OTHER_TITLES.test(t))
  if (said === undefined) return undefined
  const listed = titles.find((t) => t.pattern.test(said))
  const other = listed ? undefined : said.match(OTHER_TITLES)?.[0]
  if (!listed && !other) return undefined
  const names = titles.map((t) => t.name)
  const kinds = `${names.slice(0, -1).join('、')}及${names[names.length - 1]}`
  // Who picks the mentors, and what the team around them needs, in the facts' own words.
  const appoint = ctx.factsById.get('mentor_appointment')?.answer ?? ''
  const answer = listed
    ? `可以，${listed.name}属于方案所列导师人选（${fact.section}）：导师以${kinds}等为主。${appoint}`
    : `方案没有单独列出${other}：导师以${kinds}等为主（${fact.section}）。${team?.answer ?? appoint}`
  const used = listed ? [fact] : [fact, team].filter((f): f is ProgramFact => f !== undefined)
  return {
    answer: clamp(answer),
    intent: 'fact',
    sources: used.map((f) => ({ section: f.section, title: f.title })),
    confidence: listed ? 0.85 : 0.7,
    facts: used.map(factOf),
  }
}

/** Whether a named title may be a mentor. */
export const mentorTitle: Intent = {
  name: 'mentor_title',
  description: 'whether a named title (院士, 副教授 …) is among the mentor kinds the plan lists',
  answer: (ask, ctx) =>
    // "能不能自己指定让他当导师": choosing one's mentor is asked, which the plan leaves open.
    /指定|点名|自己(选|挑|定)|挑选/.test(ask.q)
      ? decline(ask, 'asks to choose a mentor, not whether a title may be one')
      : (mentorTitleAnswer(ctx, ask.q, ask.context) ?? decline(ask, 'asks not whether a title may be a mentor')),
}
