import { parseChineseDate } from '../../core/chinese-dates'
import { GROWTH_LOG_LIMITS, createGrowthLog, refuseLogDay } from '../../core/logs/create-growth-log'
import { progressOfStudent } from '../../core/logs/progress'
import { chineseDate } from '../../core/time'
import { formFlow, type Slot } from '../form'
import { figures } from '../../core/logs/progress-text'

// What the growth-log dialogue says, as a script. Each question names what it asks for
// (日期 / 哪天, 地点 / 哪里, 内容 / 做了什么, 收获 / 体会) so a person knows what to answer.
const SAY = {
  date: '这次活动是哪天？请告诉我日期，例如：昨天、上周五、3月5日。',
  badDate: '没看懂这个日期。',
  place: '活动地点在哪里？例如：广西大学物理学院实验室。',
  shortPlace: '地点写得太简单了，请写清楚学校和具体场所。',
  content: '这次活动的内容是什么？简单说说你做了什么。',
  takeaway: '你有什么收获或体会？写一两句就好。',
  tooShort: (what: string) => `${what}写得太短了，请多写几个字。`,
  tooLong: (what: string, max: number) => `${what}太长了，请控制在 ${max} 字以内。`,
  summary: '请确认这篇成长日志：',
  cancelled: '已取消，这篇成长日志没有保存。',
  saved: (day: string, place: string) => `已保存成长日志（${day} · ${place}）。`,
  progress: (text: string) => `你现在的进度：${text}。`,
}

function text(name: string, label: string, prompt: string, labels: string[]): Slot {
  const field = name as 'place' | 'content' | 'takeaway'
  const min = field === 'place' ? 2 : GROWTH_LOG_LIMITS.minText
  return {
    name,
    labels,
    prompt,
    parse(answer) {
      const value = answer.trim()
      const length = [...value].length
      if (length < min) return { error: field === 'place' ? SAY.shortPlace : SAY.tooShort(label) }
      if (length > GROWTH_LOG_LIMITS[field]) return { error: SAY.tooLong(label, GROWTH_LOG_LIMITS[field]) }
      return { value }
    },
  }
}

/** 写成长日志: date, place, content, takeaway, then 确认 (五（三）1, 六（二）). */
export const growthLogFlow = formFlow({
  name: 'growth_log',
  title: '写成长日志',
  cancelled: SAY.cancelled,
  slots: [
    {
      name: 'date',
      labels: ['日期', '时间', '哪天', '日子'],
      prompt: SAY.date,
      parse(answer, ctx) {
        const day = parseChineseDate(answer, ctx.now)
        if (!day) return { error: SAY.badDate }
        const refusal = refuseLogDay(ctx.program, day, ctx.now)
        return refusal ? { error: refusal } : { value: day }
      },
    },
    text('place', '地点', SAY.place, ['地点', '地方', '场所', '在哪', '哪里']),
    text('content', '活动内容', SAY.content, ['内容', '做了什么', '活动']),
    text('takeaway', '收获', SAY.takeaway, ['收获', '体会', '感想', '心得']),
  ],
  summary: (v) =>
    [
      SAY.summary,
      `日期：${chineseDate(v.date as string)}`,
      `地点：${v.place}`,
      `内容：${v.content}`,
      `收获：${v.takeaway}`,
    ].join('\n'),
  async submit(ctx, v, formId) {
    const { deps, actor, program, msg } = ctx
    const { student } = await createGrowthLog(deps, program, actor, {
      happenedOn: v.date as string,
      place: v.place as string,
      content: v.content as string,
      takeaway: v.takeaway as string,
      // 微信客服 is WeChat too: the log's source says where the person wrote it, not which API carried it.
      source: msg.channel === 'wechat-kf' ? 'wechat' : msg.channel,
      clientKey: `dialogue:${formId}`,
    })
    const progress = await progressOfStudent(deps.dataSource, program, student)
    return {
      replies: [
        { text: SAY.saved(chineseDate(v.date as string), v.place as string) },
        { text: SAY.progress(figures(progress)) },
      ],
    }
  },
})
