import type { Llm } from '../llm'
import { type StudentWeek, eachMentorsPastWeek, weekStart } from '../logs/mentor-week'
import { weekDigestText } from '../logs/progress-text'
import { addDays } from '../time'
import { messageJob } from './message-job'
import type { PlannedMessage } from './messages'

/**
 * The mentor digest: on Monday morning each mentor gets their students' past week — the logs
 * written with an excerpt, visits against the required number, logs missing — and, when a
 * model is configured, a one-line summary of each student's logs. Composed per mentor in the
 * process (one message each).
 */
export const mentorDigestJob = messageJob({
  name: 'mentor-digest',
  // Mondays at 09:00 Beijing time.
  cron: '0 9 * * 1',
  async messages({ dataSource, llm, logger }, at, { program }) {
    // Counted per week: run twice in a week (a restart, the preview), it is still one digest.
    const day = weekStart(at)
    const planned: PlannedMessage[] = []
    await eachMentorsPastWeek(dataSource, program, at, async (mentorId, week) => {
      const summaries = llm
        ? await summariesOf(llm, week, (reason) => logger?.warn({ reason }, 'plain digest'))
        : undefined
      planned.push({
        job: 'mentor-digest',
        personId: mentorId,
        role: 'mentor',
        subject: 'week',
        day,
        text: `【导师周报】${weekDigestText(week, '上周', addDays(day, -7), summaries)}`,
      })
    })
    return [planned]
  },
})

/**
 * A model's summary of each student's week who wrote logs, by student id; undefined (the plain
 * digest) when the model fails. Nothing personal leaves: each student is 学生1, 学生2 … to the
 * model, their name is replaced by that stand-in wherever their logs use it, and the model's
 * client masks phones, ids and names in the text.
 */
async function summariesOf(
  llm: Llm,
  week: StudentWeek[],
  onFailure: (reason: string) => void,
): Promise<Map<number, string> | undefined> {
  const written = week.filter((w) => w.logs.length > 0)
  if (written.length === 0) return undefined
  const labelOf = new Map(written.map((w, i) => [`学生${i + 1}`, w.progress.student.studentId]))
  const result = await llm.summariseWeeks(
    written.map((w, i) => {
      const label = `学生${i + 1}`
      const name = w.progress.student.name
      const anonymous = (text: string) => (name ? text.split(name).join(label) : text)
      return {
        label,
        logs: w.logs.map((l) => ({ day: l.happenedOn, place: l.place, text: anonymous(l.content) })),
      }
    }),
  )
  if (!result.ok) {
    onFailure(result.reason)
    return undefined
  }
  return new Map([...result.summaries].map(([label, summary]) => [labelOf.get(label) as number, summary]))
}
