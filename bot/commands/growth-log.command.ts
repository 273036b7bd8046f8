import { studentOfPerson } from '../../core/people/students'
import { growthLogFlow } from '../flows/growth-log.flow'
import { say } from '../types'
import type { Command } from './command'

/** 写成长日志 / 提交成长日志: a student's growth log, asked field by field. */
export const growthLogCommand: Command = {
  name: 'growth_log',
  description: "starts a student's growth-log dialogue (date, place, content, takeaway, confirm)",
  usage: '写成长日志 — 参加完一次校园活动后记录日期、地点、内容和收获',
  needsBinding: true,
  action: 'log.write',
  match: (text) =>
    /^(?:我要|我想|帮我|开始)?(?:写|提交|填写?|记录?|补写?|交|上传|新建)(?:一篇|一下|一个|个|篇)?(?:成长)?日志$|^成长日志$/.exec(
      text,
    ),
  async run(ctx) {
    const student = await studentOfPerson(ctx.deps.dataSource, ctx.actor.personId as number)
    if (!student || student.status !== 'active' || student.cohortYear !== ctx.program.cohort) {
      return say('没有找到你在本期培养计划中的学生记录，暂时不能写成长日志。请发送“转人工 学生记录”联系管理办公室。')
    }
    return growthLogFlow.start(ctx)
  },
}
