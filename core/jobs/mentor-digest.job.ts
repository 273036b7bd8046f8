import { eachMentorsPastWeek, weekStart } from '../logs/mentor-week'
import { weekDigestText } from '../logs/progress-text'
import { addDays } from '../time'
import { messageJob } from './message-job'
import type { PlannedMessage } from './messages'

/**
 * The mentor digest: on Monday morning each mentor gets their students' past week — the logs
 * written with an excerpt, visits against the required number, logs missing. The plain digest;
 * a model's summary is a later addition. Composed per mentor in the process (one message each).
 */
export const mentorDigestJob = messageJob({
  name: 'mentor-digest',
  // Mondays at 09:00 Beijing time.
  cron: '0 9 * * 1',
  async messages({ dataSource }, at, { program }) {
    // Counted per week: run twice in a week (a restart, the preview), it is still one digest.
    const day = weekStart(at)
    const planned: PlannedMessage[] = []
    await eachMentorsPastWeek(dataSource, program, at, async (mentorId, week) => {
      planned.push({
        job: 'mentor-digest',
        personId: mentorId,
        role: 'mentor',
        subject: 'week',
        day,
        text: `【导师周报】${weekDigestText(week, '上周', addDays(day, -7))}`,
      })
    })
    return [planned]
  },
})
