import { decline } from '../context'
import { beijingDate, chineseDate, chineseMonth } from '../../time'
import type { Program } from '../program'
import type { QaAnswer } from '../qa-answer'
import { joinWithin, laterPlanNote } from '../reply'
import type { Intent } from './intent'

const SCHEDULE =
  /下一步|接下来|最近.{0,4}(安排|节点|要做|有什么)|现在.{0,4}(阶段|该做|到哪)|时间节点|时间安排|进度安排|日程|时间表|有哪些(日期|截止)|关键日期/

/** Asks what comes next from now, whatever step it names. */
const NEXT = /下一步|接下来|最近|现在/

/** Asks for the whole calendar, not the next steps ("按时间顺序列出", "梳理各时间节点", "所有节点"). */
const WHOLE = /列出|列一下|梳理|所有|全部|完整|整个|各(个|项)?(时间)?节点|按(时间)?顺序|依次|从[^，,。？?]{1,12}到/

function scheduleAnswer(program: Program, now: Date, whole: boolean): QaAnswer {
  const today = beijingDate(now)
  const sorted = [...program.milestones].sort((a, b) => a.due.localeCompare(b.due))
  const upcoming = sorted.filter((m) => m.due >= today)
  // The period over, or the whole calendar asked: every step in order; else the next five.
  const list = upcoming.length > 0 && !whole ? upcoming.slice(0, 5) : sorted
  const lines = list.map((m) => {
    const name = m.title.split(/[：（(]/)[0]
    const when =
      m.month && !/底前/.test(`${m.title}${m.note ?? ''}`) ? chineseMonth(m.month) : `${chineseDate(m.due)}前`
    return `${when}：${name}`
  })
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

/** The coming dates of the plan. */
export const schedule: Intent = {
  name: 'schedule',
  description: 'the next steps and dates from today on',
  answer: (ask, ctx) => {
    const q = ask.q
    // "请按时间顺序列出方案“进度安排”中的主要环节": the parts of the plan's own timetable article, in order.
    if (/进度安排/.test(q) && /环节|步骤|阶段|列出|哪些|几个/.test(q)) {
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
    const whole = WHOLE.test(q)
    // "中期评价的时间节点及组织方式": the timing of one named step is that step's date and fact.
    const steps = ctx.vocab.steps.filter((s) => s.pattern.test(q))
    if (steps.length === 1 && !whole && !NEXT.test(q)) return decline(ask, 'asks the timing of one named step')
    return scheduleAnswer(ctx.program, ask.now, whole)
  },
}
