import type { StudentWeek } from './mentor-week'
import type { Progress, Standing } from './progress'
import { studentMilestones } from './progress'
import type { Program } from '../knowledge/program'
import { chineseDate } from '../time'

/** The two figures of 五（三）1 as every role sees them: 校园活动 N/10 次 · 成长日志 M/10 篇. */
export function figures(p: Standing): string {
  return `校园活动 ${p.activities}/${p.required} 次，成长日志 ${p.logs}/${p.required} 篇`
}

/** The activities still lacking a log, at most three named. */
function lacking(p: Progress): string | undefined {
  if (p.withoutLog.length === 0) return undefined
  const named = p.withoutLog
    .slice(0, 3)
    .map((a) => `${chineseDate(a.happenedOn)} ${a.place}`)
    .join('；')
  const more = p.withoutLog.length > 3 ? ` 等 ${p.withoutLog.length} 次` : ''
  return `还没写成长日志的活动：${named}${more}`
}

/**
 * One student's progress for the student or their parent: the figures, what is still to do,
 * and the next milestones meant for students with their dates.
 */
export function progressText(program: Program, p: Progress, now: Date, who: string): string {
  const lines = [
    `${who}的进度（${program.name}，${program.training.visitsSection}要求至少 ${p.required} 次）：`,
    figures(p),
  ]
  const left = p.required - p.activities
  if (left > 0) lines.push(`还需参加 ${left} 次校园活动。`)
  const missing = lacking(p)
  if (missing) lines.push(missing)
  const next = studentMilestones(program, now)
  if (next.length) lines.push(`接下来：${next.map((m) => `${m.title.split('：')[0]}（${m.text}）`).join('；')}`)
  return lines.join('\n')
}

/** A line per student for a teacher or mentor. */
export function progressLine(p: Standing): string {
  const missing = p.lacking ? `，${p.lacking} 次活动缺日志` : ''
  return `· ${p.student.name}：${figures(p)}${missing}`
}

/**
 * A mentor's week (本周摘要, and the Monday digest of the week before): per student, the week's
 * logs with an excerpt and where they stand. `which` names the week (本周, 上周), `monday` its
 * first day; `summaries` (by student id), when a model wrote them, add a line of 小结 each.
 */
export function weekDigestText(
  week: StudentWeek[],
  which: string,
  monday: string,
  summaries?: Map<number, string>,
): string {
  const lines = [`${which}（${chineseDate(monday)}起）你指导的 ${week.length} 名学生：`]
  for (const w of week) {
    const logs = w.logs.length
      ? `${which}成长日志 ${w.logs.length} 篇：${w.logs.map((l) => `${l.happenedOn.slice(5)} ${l.place}：${l.excerpt}`).join('；')}`
      : `${which}没有新的成长日志`
    const summary = summaries?.get(w.progress.student.studentId)
    lines.push(`${progressLine(w.progress)}\n  ${logs}${summary ? `\n  小结（AI 生成）：${summary}` : ''}`)
  }
  return lines.join('\n')
}
