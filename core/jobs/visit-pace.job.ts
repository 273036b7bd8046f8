import { weekStart } from '../logs/mentor-week'
import { beijingDate, daysBetween, lastDayOfMonth } from '../time'
import { messageJob } from './message-job'
import { dialectOf } from './sql'

/**
 * Visit pace: a student more than one visit behind a steady pace to the required number by the
 * end of the cycle (五（三）1) → the student, the school's teacher and the mentor, once a week.
 * Counted per week. One grouped query for the cohort, each student's row taken once per recipient.
 */
export const visitPaceJob = messageJob({
  name: 'visit-pace',
  // Mondays at 08:30 Beijing time.
  cron: '30 8 * * 1',
  async messages({ dataSource }, at, { program, cohortId }) {
    const d = dialectOf(dataSource)
    const today = beijingDate(at)
    const start = `${program.training.start}-01`
    const end = lastDayOfMonth(program.training.end)
    if (today < start || today > end) return []
    const required = program.training.requiredVisits
    const expected = Math.floor((required * daysBetween(start, today)) / daysBetween(start, end))
    // Each recipient's words around the pace, which reads 按进度…目前 <visits>/<required> 次.
    const words = {
      student: ['【活动进度提醒】', '，请和导师约好下一次活动（方案五（三）1）。'],
      other: ['【活动进度提醒】你负责的一名学生', '，请关注（方案五（三）1）。'],
    }
    const paceBefore = `按进度到今天应完成约 ${expected} 次校园活动，目前 `
    const paceAfter = `/${required} 次`
    const sqlText = ([before, after]: string[]) =>
      d.concat(d.literal(`${before}${paceBefore}`), 'b.visits', d.literal(`${paceAfter}${after}`))
    // Behind means fewer than expected - 1 visits: every text the query can give, for the outbox to store once.
    const texts = Array.from({ length: Math.max(0, expected - 1) }, (_, visits) =>
      [words.student, words.other].map(([before, after]) => `${before}${paceBefore}${visits}${paceAfter}${after}`),
    ).flat()
    const behind = `SELECT s.id AS id, s.personId AS personId, s.teacherId AS teacherId, m.personId AS mentorPersonId,
        COUNT(a.id) AS visits
      FROM student s
      LEFT JOIN activity a ON a.studentId = s.id AND a.kind = 'campus_visit' AND a.cohortId = s.cohortId
      LEFT JOIN mentor m ON m.id = s.mentorId
      WHERE s.cohortId = ? AND s.status = 'active'
      GROUP BY s.id, s.personId, s.teacherId, m.personId
      HAVING COUNT(a.id) < ?`
    const recipients = "SELECT 'student' AS role UNION ALL SELECT 'teacher' UNION ALL SELECT 'mentor'"
    return [
      {
        sql: `SELECT x.personId, x.role, x.subject, x.day, x.text FROM (
            SELECT CASE r.role WHEN 'student' THEN b.personId WHEN 'teacher' THEN b.teacherId ELSE b.mentorPersonId END AS personId,
              r.role AS role, ${d.concat("'student:'", 'b.id')} AS subject, ? AS day,
              CASE r.role WHEN 'student' THEN ${sqlText(words.student)} ELSE ${sqlText(words.other)} END AS text
            FROM (${behind}) b CROSS JOIN (${recipients}) r
          ) x
          WHERE x.personId IS NOT NULL`,
        parameters: [weekStart(at), cohortId, expected - 1],
        texts,
      },
    ]
  },
})
