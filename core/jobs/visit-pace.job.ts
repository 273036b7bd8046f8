import { weekStart } from '../logs/mentor-week'
import { beijingDate, daysBetween, lastDayOfMonth } from '../time'
import { messageJob } from './message-job'
import { dialectOf, more, namedGroups } from './sql'

/**
 * Visit pace: a student more than one visit behind a steady pace to the required number by the
 * end of the cycle (五（三）1) → the student, once a week; the school's teacher and the mentor,
 * once a week, one message each about all their students behind (named, the fewest visits
 * first). Counted per week. Two grouped queries for the cohort.
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
    // The student's words around the pace, which reads 按进度…目前 <visits>/<required> 次.
    const [before, after] = ['【活动进度提醒】', '，请和导师约好下一次活动（方案五（三）1）。']
    const paceBefore = `按进度到今天应完成约 ${expected} 次校园活动，目前 `
    const paceAfter = `/${required} 次`
    // Behind means fewer than expected - 1 visits: every text the query can give, for the outbox to store once.
    const texts = Array.from(
      { length: Math.max(0, expected - 1) },
      (_, visits) => `${before}${paceBefore}${visits}${paceAfter}${after}`,
    )
    // Each active student's visits counted through the (studentId, kind) index, no grouping of the cohort.
    const behind = `SELECT * FROM (
        SELECT s.id AS id, s.personId AS personId, s.teacherId AS teacherId, m.personId AS mentorPersonId,
          (SELECT COUNT(*) FROM activity a
            WHERE a.studentId = s.id AND a.kind = 'campus_visit' AND a.cohortId = s.cohortId) AS visits
        FROM student s LEFT JOIN mentor m ON m.id = s.mentorId
        WHERE s.cohortId = ? AND s.status = 'active'
      ) v WHERE v.visits < ?`
    // The school's teacher and the mentor hear once a week of all their students behind, the fewest visits first.
    const theirs = (role: 'teacher' | 'mentor', column: 'teacherId' | 'mentorPersonId', whose: string) => ({
      sql: `SELECT g.personId AS personId, '${role}' AS role, 'behind:${role}' AS subject, ? AS day,
          ${d.concat(
            d.literal(`【活动进度提醒】${whose}学生中有 `),
            'g.n',
            d.literal(` 名落后于校园活动进度（按进度到今天应完成约 ${expected} 次）：`),
            'g.names',
            more('g'),
            "'，请关注（方案五（三）1）。'",
          )} AS text
        FROM (${namedGroups(
          d,
          `SELECT b.${column} AS personId, b.personId AS who,
            ${d.concat("' '", 'b.visits', d.literal(paceAfter))} AS detail, b.visits AS visits, b.id AS id
          FROM (${behind}) b WHERE b.${column} IS NOT NULL`,
          ['personId'],
          'w.visits, w.id',
        )}) g`,
      parameters: [weekStart(at), cohortId, expected - 1],
    })
    return [
      {
        sql: `SELECT b.personId AS personId, 'student' AS role, ${d.concat("'student:'", 'b.id')} AS subject, ? AS day,
            ${d.concat(d.literal(`${before}${paceBefore}`), 'b.visits', d.literal(`${paceAfter}${after}`))} AS text
          FROM (${behind}) b`,
        parameters: [weekStart(at), cohortId, expected - 1],
        texts,
      },
      theirs('teacher', 'teacherId', '贵校'),
      theirs('mentor', 'mentorPersonId', '你指导的'),
    ]
  },
})
