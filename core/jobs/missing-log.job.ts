import { addDays, beijingDate } from '../time'
import { type MessageSource, messageJob } from './message-job'
import { dialectOf, more, namedGroups } from './sql'

/** How far back a visit without a log is still chased (older ones are the office's to follow up). */
const LOOK_BACK_DAYS = 14

/**
 * Missing-log nudges (五（三）1: a log after every campus activity): a visit still without a log
 * a day after it → the student; three days after → also the parent(s), each once; and the
 * school's guiding teacher, once per day of visits, one message naming the school's students
 * whose visit that day still lacks a log. Three set-based queries for the whole cohort, the
 * texts composed by the database.
 */
export const missingLogJob = messageJob({
  name: 'missing-log',
  // Every day at 19:00 Beijing time, after school.
  cron: '0 19 * * *',
  async messages({ dataSource }, at, { cohortId }) {
    const d = dialectOf(dataSource)
    const today = beijingDate(at)
    const from = addDays(today, -LOOK_BACK_DAYS)
    // Visits of active students still without a log, on days from `from` to the parameter `until`.
    const visits = (join = '') => `FROM activity a INNER JOIN student s ON s.id = a.studentId ${join}
      WHERE a.cohortId = ? AND a.kind = 'campus_visit' AND s.status = 'active'
        AND a.happenedOn >= ? AND a.happenedOn <= ?
        AND NOT EXISTS (SELECT 1 FROM growth_log l WHERE l.activityId = a.id)`
    const when = d.chineseDate('a.happenedOn')
    const subject = (stage: string) => d.concat("'activity:'", 'a.id', d.literal(`:${stage}`))
    const text = (before: string, after: string) =>
      d.concat(d.literal(before), when, "'在'", 'a.place', d.literal(after))
    const student = text(
      '【成长日志提醒】你',
      '的校园活动还没有写成长日志。发送“写成长日志”就能补上（方案五（三）1）。',
    )
    const parent = text('【成长日志提醒】孩子', '的校园活动三天了还没有写成长日志，请提醒孩子补写（方案五（三）1）。')
    // Every text the student's and parents' stages may send, listed once for all of them (the first source stores them): each
    // wording for each day and place visited in the window, logged or not — a few dozen, not a row per visit.
    const texts = {
      sql: `SELECT CASE w.n WHEN 0 THEN ${student} ELSE ${parent} END AS text
        FROM (SELECT DISTINCT happenedOn, place FROM activity
          WHERE cohortId = ? AND kind = 'campus_visit' AND happenedOn >= ? AND happenedOn <= ?) a
        CROSS JOIN (SELECT 0 AS n UNION ALL SELECT 1) w`,
      parameters: [cohortId, from, addDays(today, -1)],
    }
    const sources: MessageSource[] = [
      {
        sql: `SELECT s.personId AS personId, 'student' AS role, ${subject('1d')} AS subject, a.happenedOn AS day,
            ${student} AS text
          ${visits()}`,
        parameters: [cohortId, from, addDays(today, -1)],
        texts,
      },
      {
        sql: `SELECT g.parentId AS personId, 'parent' AS role, ${subject('3d')} AS subject, a.happenedOn AS day,
            ${parent} AS text
          ${visits('INNER JOIN guardianship g ON g.studentId = s.id')}`,
        parameters: [cohortId, from, addDays(today, -3)],
        texts: [],
      },
      {
        // One message per teacher and day of visits: the students of the school whose visit that day still lacks a log.
        sql: `SELECT g.teacherId AS personId, 'teacher' AS role, ${d.concat("'visits:'", 'g.happenedOn', "':3d'")} AS subject,
            g.happenedOn AS day,
            ${d.concat("'【成长日志提醒】贵校有 '", 'g.n', "' 名学生'", d.chineseDate('g.happenedOn'), "'的校园活动超过三天还没有写成长日志：'", 'g.names', more('g'), "'，请督促补写（方案五（三）1）。'")} AS text
          FROM (${namedGroups(
            d,
            `SELECT DISTINCT s.teacherId AS teacherId, a.happenedOn AS happenedOn, s.personId AS who, '' AS detail
              ${visits()} AND s.teacherId IS NOT NULL`,
            ['teacherId', 'happenedOn'],
            'w.who',
          )}) g`,
        parameters: [cohortId, from, addDays(today, -3)],
      },
    ]
    return sources
  },
})
