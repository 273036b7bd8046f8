import { studentOfPerson } from '../../core/people/students'
import { growthLogFlow } from '../flows/growth-log.flow'
import { say } from '../types'
import type { Command } from './command'

/** 写成长日志 / 提交成长日志: a student's growth log, asked field by field. */
export const growthLogCommand: Command = {
  name: 'growth_log',
  description: "starts a student's growth-log dialogue (date, place, content, takeaway, confirm)",
  usage: '写成长日志 — 参加校园活动后，一步步记下这次活动',
  needsBinding: true,
  action: 'log.write',
  match: (text) =>
    /^(?:我要|我想|想|帮我|给我|开始|来|再)?(?:写|提交|填写?|记录?|记一?下|补写?|补交|交|上传|新建|录入?)(?:一下|一篇|一个|个|篇|下)?(?:今天的?|这次的?|本次的?|刚才的?|昨天的?)?(?:成长日志|日志|活动记录|活动日志|活动|校园活动)$|^成长日志$/.test(
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
