import { hasRole } from '../../core/actor'
import { chineseNumberToInt } from '../../core/chinese-numbers'
import { mentorWeek, weekStart } from '../../core/logs/mentor-week'
import { progressOf, progressOfStudent } from '../../core/logs/progress'
import { childrenOf, type StudentRef, studentOfPerson, studentsOfSchool } from '../../core/people/students'
import { can } from '../../core/policies'
import { commandText } from '../command-text'
import { progressLine, progressText, weekDigestText } from '../../core/logs/progress-text'
import { type Turn, type TurnContext, say } from '../types'
import type { Command } from './command'

const SAY = {
  noRecord: '没有找到你在本期培养计划中的学生记录。如有疑问，请发送“转人工 学生记录”联系管理办公室。',
  noChildren: '你的账号还没有关联孩子的学生记录。请发送“转人工 关联孩子”联系管理办公室。',
  whichChild: (names: string[]) =>
    `你有 ${names.length} 个孩子在培养计划中：${names.map((n, i) => `${i + 1}. ${n}`).join('  ')}\n请回复序号或名字，查看对应孩子的进度（回复“全部”看全部）。`,
  notAChild: '没有找到这个孩子，请回复上面列出的序号或名字，或回复“取消”。',
  noStudents: '目前没有找到你名下的学生记录。',
  school: (n: number) => `本校在培养计划中的学生共 ${n} 人：`,
  mentorList: (n: number) => `你指导的学生共 ${n} 人：`,
  allChildren: (n: number) => `你的 ${n} 个孩子的进度：`,
}

/** A student's progress as a turn, for the student ('你') or their parent (the child's name). */
async function oneStudent(ctx: TurnContext, student: StudentRef, who: string): Promise<Turn> {
  const progress = await progressOfStudent(ctx.deps.dataSource, ctx.program, student)
  return say(progressText(ctx.program, progress, ctx.now, who))
}

/** A parent's children: one shown at once, several asked about first. */
export async function childrenProgress(ctx: TurnContext): Promise<Turn> {
  const children = (await childrenOf(ctx.deps.dataSource, ctx.actor.personId as number)).filter(
    (c) => c.cohortYear === ctx.program.cohort,
  )
  if (children.length === 0) return say(SAY.noChildren)
  if (children.length === 1) return oneStudent(ctx, children[0] as StudentRef, children[0]?.name ?? '孩子')
  return {
    replies: [{ text: SAY.whichChild(children.map((c) => c.name)), choices: [...children.map((c) => c.name), '全部'] }],
    dialogue: { flow: 'choose_child', step: 'child', data: { ids: children.map((c) => c.studentId) } },
  }
}

/** The progress of several students, a line each (teachers, mentors, a parent's 全部). */
async function listOf(ctx: TurnContext, title: (count: number) => string, students: StudentRef[]): Promise<Turn> {
  const own = students.filter((s) => s.cohortYear === ctx.program.cohort && s.status === 'active')
  if (own.length === 0) return say(SAY.noStudents)
  const progress = await progressOf(ctx.deps.dataSource, ctx.program, own)
  return say([title(own.length), ...progress.map(progressLine)].join('\n'))
}

/** The students a teacher's school or a mentor guides. */
async function guidedStudents(ctx: TurnContext): Promise<Turn> {
  const teacher = ctx.actor.roles.find((r) => r.role === 'teacher' && r.schoolId != null)
  if (teacher) return listOf(ctx, SAY.school, await studentsOfSchool(ctx.deps.dataSource, teacher.schoolId as number))
  const week = await mentorWeek(ctx.deps.dataSource, ctx.program, ctx.actor, ctx.now)
  return listOf(
    ctx,
    SAY.mentorList,
    week.map((w) => w.progress.student),
  )
}

/** Continues the choice of child when a parent has several. */
export const chooseChild = {
  name: 'choose_child',
  title: '查看孩子的进度',
  cancelled: '已取消。',
  async continue(ctx: TurnContext, dialogue: { data: Record<string, unknown> }, text: string): Promise<Turn> {
    const ids = (dialogue.data.ids ?? []) as number[]
    const children = (await childrenOf(ctx.deps.dataSource, ctx.actor.personId as number)).filter((c) =>
      ids.includes(c.studentId),
    )
    const answer = commandText(text)
    if (/^(全部|都看|所有)$/.test(answer)) return listOf(ctx, SAY.allChildren, children)
    const ordinal = /^第?([0-9一二两三四五六七八九十]+)(?:个|号)?$/.exec(answer)?.[1]
    const index = ordinal
      ? (chineseNumberToInt(ordinal) ?? Number(ordinal)) - 1
      : children.findIndex((c) => answer.includes(c.name))
    const child = children[index]
    if (!child)
      return { replies: [{ text: SAY.notAChild }], dialogue: { flow: 'choose_child', step: 'child', data: { ids } } }
    return oneStudent(ctx, child, child.name)
  },
}

const isGuide = (actor: Parameters<typeof hasRole>[0]) => hasRole(actor, 'teacher') || hasRole(actor, 'mentor')

// How people ask where someone stands: 进度, 完成得怎么样, 去了几次, 几次了, 写了几篇 …
const STANDING =
  '(?:进度|完成情况|完成(?:了|得)?(?:多少|怎么样|如何|咋样|几次)|(?:去|参加|到校|来|做)了?(?:几|多少)次|几次了|多少次了|够次数|写了(?:几|多少)篇|情况怎么样|情况如何)'
/** A question about the plan's rule (how many visits are required), not about where one stands. */
const ASKS_THE_RULE = /需要|要求|应该|必须|至少|规定|标准|怎么评|才算|才能|要去几次|要参加几次|是多少次/
/** Whose standing: oneself, a child, one's students. */
const SELF = new RegExp(`(?:我|自己)(?:的|现在|目前|这边|到现在|已经)?[^，。？?孩娃儿女学]{0,8}?${STANDING}`)
const CHILD = new RegExp(`(?:孩子|娃|小孩|儿子|女儿|闺女)(?:的|现在|目前|这边|到现在|已经)?[^，。？?]{0,8}?${STANDING}`)
const STUDENTS = new RegExp(
  `(?:本校|我校|我们学校|我带的|我指导的|我的|所有|各位)?学生(?:们)?(?:的|现在|目前)?[^，。？?]{0,6}?${STANDING}`,
)

/** A short message asking for someone's standing, and not for the plan's rule. */
function asksStanding(pattern: RegExp, text: string): boolean {
  return [...text].length <= 30 && pattern.test(text) && !ASKS_THE_RULE.test(text)
}

/** 我的进度: a student's own; a parent's children, a teacher's school, a mentor's students. */
export const myProgressCommand: Command = {
  name: 'my_progress',
  description: "the person's progress: their own, or their children's / students' by role",
  usage: '我的进度 — 校园活动和成长日志完成情况、接下来的时间节点',
  needsBinding: true,
  allowed: (actor) => can(actor, 'progress.own') || can(actor, 'progress.children') || isGuide(actor),
  match: (text) =>
    /^(?:查看?|看看?)?(?:我的?)?(?:进度|完成情况|活动次数|日志数)[?？吗呢]?$/.test(text) ||
    (asksStanding(SELF, text) && !/孩子|娃|儿子|女儿|学生/.test(text)),
  async run(ctx) {
    if (can(ctx.actor, 'progress.own')) {
      const student = await studentOfPerson(ctx.deps.dataSource, ctx.actor.personId as number)
      if (!student || student.cohortYear !== ctx.program.cohort) return say(SAY.noRecord)
      return oneStudent(ctx, student, '你')
    }
    if (can(ctx.actor, 'progress.children')) return childrenProgress(ctx)
    return guidedStudents(ctx)
  },
}

/** 孩子的进度: a parent's own children only. */
export const childProgressCommand: Command = {
  name: 'child_progress',
  description: "a parent's children's progress, and no one else's",
  usage: '孩子的进度 — 孩子的校园活动和成长日志完成情况',
  needsBinding: true,
  action: 'progress.children',
  match: (text) =>
    /^(?:查看?|看看?)?(?:我家)?(?:孩子|娃|小孩|儿子|女儿)的?(?:进度|完成情况|情况)[?？吗呢]?$/.test(text) ||
    asksStanding(CHILD, text),
  run: (ctx) => childrenProgress(ctx),
}

/** 学生进度: a teacher's school's students, a mentor's own students. */
export const studentsProgressCommand: Command = {
  name: 'students_progress',
  description: "a teacher's school's or a mentor's own students' progress",
  usage: '学生进度 — 你负责的学生的完成情况',
  needsBinding: true,
  allowed: isGuide,
  match: (text) =>
    /^(?:查看?|看看?)?(?:本校|我校|我的|所有)?学生(?:们)?的?(?:进度|完成情况|情况)[?？吗呢]?$/.test(text) ||
    asksStanding(STUDENTS, text),
  run: (ctx) => guidedStudents(ctx),
}

/** 本周摘要: a mentor's students' week. */
export const weeklyDigestCommand: Command = {
  name: 'weekly_digest',
  description: "a mentor's digest of their students' week: logs with excerpts, visits, missing logs",
  usage: '本周摘要 — 你指导的学生本周的成长日志和进度',
  needsBinding: true,
  action: 'digest.mentor',
  match: (text) =>
    /^(?:看看?|查看?)?(?:本周|这周|这一周|这个星期|本星期|每周)的?(?:学生)?(?:们)?的?(?:摘要|周报|动态|情况|汇总|怎么样|进展)$|^周报$/.test(
      text,
    ),
  async run(ctx) {
    const week = await mentorWeek(ctx.deps.dataSource, ctx.program, ctx.actor, ctx.now)
    if (week.length === 0) return say(SAY.noStudents)
    return say(weekDigestText(week, '本周', weekStart(ctx.now)))
  },
}
