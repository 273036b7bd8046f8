import { type Context, decline } from '../context'
import { beijingDate, chineseDate, chineseMonth } from '../../time'
import type { Program, ProgramMilestone } from '../program'
import type { QaAnswer } from '../qa-answer'
import { clamp, joinWithin, laterPlanNote } from '../reply'
import type { Intent } from './intent'

const SCHEDULE =
  /(经过|还有|需经过|要经过)哪些环节|下一步|接下来|最近.{0,4}(安排|节点|要做|有什么)|现在.{0,4}(阶段|该做|到哪)|时间节点|(工作|主要|关键)节点|时间安排|进度安排|日程|时间表|有哪些(日期|截止)|关键日期/

/** Asks what comes next from now, whatever step it names. */
const NEXT = /下一步|接下来|最近|现在/

/** Asks for the whole calendar, not the next steps ("按时间顺序列出", "梳理各时间节点", "所有节点"). */
const WHOLE = /列出|列一下|梳理|所有|全部|完整|整个|各(个|项)?(时间)?节点|按(时间)?顺序|依次|从[^，,。？?]{1,12}到/

/** When a step is due, as the plan gives it: a month, or a day with 前. */
function whenOf(m: ProgramMilestone): string {
  return m.month && !/底前/.test(`${m.title}${m.note ?? ''}`) ? chineseMonth(m.month) : `${chineseDate(m.due)}前`
}

/** A step as a line of the calendar ("2023年10月24日前：学校推荐"). */
const lineOf = (m: ProgramMilestone): string => `${whenOf(m)}：${m.title.split(/[：（(]/)[0]}`

function scheduleAnswer(program: Program, now: Date, whole: boolean): QaAnswer {
  const today = beijingDate(now)
  const sorted = [...program.milestones].sort((a, b) => a.due.localeCompare(b.due))
  const upcoming = sorted.filter((m) => m.due >= today)
  // The period over, or the whole calendar asked: every step in order; else the next five.
  const list = upcoming.length > 0 && !whole ? upcoming.slice(0, 5) : sorted
  const lines = list.map(lineOf)
  const head =
    upcoming.length === 0
      ? '本期的时间节点都已过去，回顾如下：'
      : whole
        ? '本期的时间节点，按时间顺序：'
        : '接下来的时间节点：'
  return {
    answer: joinWithin([head, `${lines.join('；')}。`, upcoming.length > 0 ? '' : laterPlanNote(program, now)]),
    intent: 'schedule',
    sources: list.map((m) => ({ section: m.section, title: m.title })),
    confidence: 0.85,
    facts: list.map((m) => ({ section: m.section, title: m.title, text: `${m.title}，${m.due}` })),
  }
}

/** A section as numbers ("九（二）2（1）" → [9, 2, 2, 1]), to order steps as the plan does. */
function sectionKey(section: string): number[] {
  const han = '一二三四五六七八九'
  const value = (w: string) =>
    /^\d+$/.test(w)
      ? Number(w)
      : w === '十'
        ? 10
        : w.startsWith('十')
          ? 10 + han.indexOf(w[1] as string) + 1
          : han.indexOf(w) + 1
  return [...section.matchAll(/[一二三四五六七八九十]+|\d+/g)].map((m) => value(m[0]))
}

function before(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number)
  return a.length < b.length
}

/** Every step of the plan in order, dated or not: an undated step goes before the first dated step after it in the plan. */
function timeline(program: Program): { key: string; section: string; line: string }[] {
  const dated = [...program.milestones]
    .sort((a, b) => a.due.localeCompare(b.due))
    .map((m) => ({ key: m.key, section: m.section, line: lineOf(m) }))
  const all: { key: string; section: string; line: string }[] = [...dated]
  for (const u of program.undatedSteps) {
    const at = all.findIndex((d) => dated.includes(d) && before(sectionKey(u.section), sectionKey(d.section)))
    const line = u.title.replace(/：/, '（方案未写具体日期）：')
    all.splice(at < 0 ? all.length : at, 0, { key: u.key, section: u.section, line })
  }
  return all
}

/** "从学校推荐至名单公示各环节的时间节点": the steps from one named step to another, undated ones too. */
function rangeAnswer(ctx: Context, q: string): QaAnswer | undefined {
  const steps = timeline(ctx.program)
  // "学校推荐材料报送后，至师生见面会之前": a span said by its ends, 后 and 前.
  const span =
    /(?:从|自)([^，,。？?]{2,16}?)(?:到|至)([^，,。？?]{2,16})/.exec(q) ??
    /([^，,。？?]{2,24}?)(?:之后|以后|后)[，,]?(?:到|至)([^，,。？?]{2,16}?)(?:之前|以前|前)/.exec(q)
  // "请梳理学生选拔阶段的各关键时间节点": the steps of the selection chain, in order.
  const chain = new Set(ctx.vocab.selection.chain.map((c) => ctx.factsById.get(c.fact)?.section))
  const selection =
    !span && /(选拔|遴选)(阶段|环节|过程|期间|工作)/.test(q) ? steps.filter((s) => chain.has(s.section)) : []
  if (!span && selection.length < 2) return undefined
  const keyOf = (text: string) => ctx.vocab.steps.find((s) => s.pattern.test(text))?.key
  const [from, to] = span ? [keyOf(span[1] as string), keyOf(span[2] as string)] : []
  const [i, j] = [steps.findIndex((s) => s.key === from), steps.findIndex((s) => s.key === to)]
  if (span && (i < 0 || j <= i)) return undefined
  const list = span ? steps.slice(i, j + 1) : selection
  const sections = [
    ...ctx.program.milestones.filter((m) => list.some((s) => s.key === m.key)),
    ...ctx.program.undatedSteps.filter((u) => list.some((s) => s.key === u.key)),
  ]
  return {
    answer: clamp(`按方案，这一段依次是：${list.map((s) => s.line).join('；')}。`),
    intent: 'schedule',
    sources: sections.map((m) => ({ section: m.section, title: m.title })),
    confidence: 0.85,
    facts: sections.map((m) => ({ section: m.section, title: m.title, text: m.title })),
  }
}

/** The coming dates of the plan. */
export const schedule: Intent = {
  name: 'schedule',
  description: 'the next steps and dates from today on',
  answer: (ask, ctx) => {
    const q = ask.q
    // "请按时间顺序列出方案“进度安排”中的主要环节": the parts of the plan's own timetable article, in order.
    if (/进度安排/.test(q) && /环节|步骤|阶段|列出|哪些|几个/.test(q) && !/[（(][一二三四五六七八九十][)）]/.test(q)) {
      const chapter = ctx.program.facts.filter((f) => /^九（[一二三四五六七八九十]）$/.test(f.section))
      if (chapter.length > 1) {
        const names = chapter.map((f) => `${f.title.replace(/^进度[：:]/, '').replace(/的环节$/, '')}（${f.section}）`)
        return {
          answer: joinWithin([
            `方案“进度安排”（九）的主要环节依次是：${names.join('→')}。`,
            scheduleAnswer(ctx.program, ask.now, true).answer,
          ]),
          intent: 'schedule',
          sources: chapter.map((f) => ({ section: f.section, title: f.title })),
          confidence: 0.85,
          facts: chapter.map((f) => ({ section: f.section, title: f.title, text: f.answer })),
        }
      }
    }
    if (!SCHEDULE.test(q)) return decline(ask, 'asks for no calendar or next steps')
    // "按进度安排第（五）项…": one item of the timetable, which its article answers.
    if (/进度安排[^，,。？?]{0,3}第?[（(][一二三四五六七八九十][)）]/.test(q))
      return decline(ask, 'refers to one item of the timetable')
    const range = rangeAnswer(ctx, q)
    if (range) return range
    const whole = WHOLE.test(q)
    // "中期评价的时间节点及组织方式": the timing of one named step is that step's date and fact.
    const steps = ctx.vocab.steps.filter((s) => s.pattern.test(q))
    if (steps.length === 1 && !whole && !NEXT.test(q)) return decline(ask, 'asks the timing of one named step')
    return scheduleAnswer(ctx.program, ask.now, whole)
  },
}
