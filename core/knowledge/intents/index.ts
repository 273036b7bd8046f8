import { activities } from './activities'
import { applyProcess } from './apply-process'
import { aspect } from './aspect'
import { atUniversity } from './at-university'
import { chatter } from './chatter'
import { claim } from './claim'
import { statementCheck } from './statement-check'
import { conditions } from './conditions'
import { contact } from './contact'
import { deadline } from './deadline'
import { division } from './division'
import { duty } from './duty'
import { eachCount } from './each-count'
import { eachStep } from './each-step'
import { eligibility } from './eligibility'
import { evaluationCount } from './evaluation-count'
import { elsewhere } from './elsewhere'
import { field } from './field'
import { format } from './format'
import { gap } from './gap'
import { gradeAfter } from './grade-after'
import { gradeCount } from './grade-count'
import { greeting } from './greeting'
import { holiday } from './holiday'
import { incentives } from './incentives'
import type { Intent } from './intent'
import { interval } from './interval'
import { intro } from './intro'
import { mentorTitle } from './mentor-title'
import { month } from './month'
import { monthEnd } from './month-end'
import { nextStep } from './next-step'
import { otherYear, takingPartAgain } from './other-year'
import { notInDomain } from './not-in-domain'
import { notInPlan } from './not-in-plan'
import { offset } from './offset'
import { article } from './article'
import { articleParts, outline } from './outline'
import { noticeEndIntent } from './notice-end'
import { outOfScope } from './out-of-scope'
import { cityRuns, outsideCity } from './outside-city'
import { partyEvaluation } from './party-evaluation'
import { person } from './person'
import { placeVerdict } from './place-verdict'
import { qualifier } from './qualifier'
import { priorityCounts } from './priority-counts'
import { workingDay } from './working-day'
import { priorityRequired } from './priority-required'
import { quota } from './quota'
import { rankPlaces } from './rank-places'
import { sameMonth } from './same-month'
import { result } from './result'
import { retrieve } from './retrieve'
import { reviewStep } from './review-step'
import { schedule } from './schedule'
import { stepParty } from './step-party'
import { subject } from './subject'
import { uncounted } from './uncounted'
import { university, universityPremise } from './university'
import { visits } from './visits'
import { weekday } from './weekday'

export type { Intent } from './intent'

/**
 * The intents in the order they are tried; the first that answers wins. Each line says why it
 * stands where it does: mostly, a narrow reading goes before a broad one that shares its words.
 */
export const INTENTS: readonly { intent: Intent; why: string }[] = [
  { intent: greeting, why: 'a bare greeting carries no question; nothing else should read it' },
  { intent: chatter, why: 'instructions or chatter must meet no fact; nothing after it may read them' },
  {
    intent: claim,
    why: '"市级审核10月31日前报送，对吗" states a date or a body’s role to confirm: checked before any reading of its words',
  },
  {
    intent: statementCheck,
    why: '"以上表述是否准确" sets a statement against its article, before the visits, open topics and qualifiers of its words',
  },
  { intent: field, why: '"导师是哪方面的专家" names mentors and subjects: before the mentor and subject readings' },
  {
    intent: gradeCount,
    why: '"高一420人、高二390人，符合年级条件的共多少人" counts grades; before eligibility (符合条件) and visits',
  },
  { intent: visits, why: 'a count of visits ("去了8次够吗") would otherwise read as eligibility (够吗)' },
  { intent: partyEvaluation, why: '"导师也要被评价吗" before the incentives and eligibility words it shares' },
  { intent: incentives, why: '"对孩子有什么好处" before eligibility, which 孩子 and 有用 would trigger' },
  {
    intent: universityPremise,
    why: '"鉴于我校（未列入）属于实施高校，如何申报导师": the false premise is corrected before any mentor reading',
  },
  { intent: mentorTitle, why: '"副教授能当导师吗" asks 能…吗 like eligibility, but of a mentor' },
  {
    intent: placeVerdict,
    why: '"全年级350人，该生第53名，是否可推荐" with no city: the lines as places, not a checklist asking for the city',
  },
  { intent: eligibility, why: 'a described student with an ask to apply: the rules decide before any fact' },
  {
    intent: gradeAfter,
    why: '"到时候是不是上高三了" names a grade like eligibility but asks the grade when the training ends',
  },
  { intent: elsewhere, why: "a same-named thing elsewhere must not be answered with this plan's dates or rules" },
  { intent: otherYear, why: "another year's program must not be answered with this year's dates, facts or quotas" },
  {
    intent: takingPartAgain,
    why: 'taking part again is the plan’s own rule, before the grades and years it names are read',
  },
  {
    intent: priorityRequired,
    why: 'whether a priority condition is required is answered as such, before the condition lists',
  },
  {
    intent: priorityCounts,
    why: 'a paper or a title asked to count for priority is not in the list, before its words find other articles',
  },
  {
    intent: articleParts,
    why: '"实施城市、实施高校及学科范围" names parts of one article: each part, before one part’s facts alone',
  },
  {
    intent: outline,
    why: '"“相关要求”提了哪几方面" asks the headings of an article, before the facts of any one of them',
  },
  {
    intent: aspect,
    why: 'a point of an article asked by name ("开放实验室有何要求"), before the conditions and duties sharing 要求/负责',
  },
  { intent: conditions, why: 'the conditions in general, once no particular student is described' },
  { intent: intro, why: '"英才计划是什么" before retrieval, which would pick one article' },
  {
    intent: division,
    why: '"宾阳县归南宁管吗" asks where a county belongs, before the general tasks and facts its words meet',
  },
  { intent: outOfScope, why: 'a general task must not meet an incidental fact of the program further down' },
  { intent: person, why: 'a contact named by person is unambiguous' },
  { intent: format, why: "the form of a document is a gap, before the document's own facts and dates" },
  { intent: workingDay, why: '"周末算不算工作日" asks what a working day is, before an end is counted' },
  {
    intent: noticeEndIntent,
    why: 'a start day given with an ask for the end is counted, whatever open-topic words it holds (周末, 节假日)',
  },
  { intent: weekday, why: '"10月27日是星期几" asks the calendar, before the deadline of the step that day is' },
  { intent: monthEnd, why: 'the last day of a 月底 step (闰年 2月29日), before the step’s month alone' },
  { intent: sameMonth, why: 'whether two things share a month, before the open topic of 寒假 and the single dates' },
  { intent: holiday, why: 'a step of the cohort in a school holiday answers, before the open topic of holidays' },
  {
    intent: subject,
    why: '"计算机在不在学科范围" asks the list of subjects, before the open topic of which contests count',
  },
  { intent: notInPlan, why: 'a topic the plan leaves open beats every fact sharing a word with it' },
  {
    intent: uncounted,
    why: '"导师团队最多几个人" counts a thing the plan never counts: open, before the quota and dates sharing 几/多少',
  },
  { intent: applyProcess, why: '"找谁报名" is the way to apply, not the contact list' },
  { intent: contact, why: 'a person or phone asked for' },
  { intent: result, why: 'how the outcome is learnt, before the step dates (公示, 名单)' },
  { intent: rankPlaces, why: 'places in a grade of a given size ask the rank rule, not the quota (both say 多少名)' },
  { intent: eachCount, why: 'two lists of the plan counted at once (主办和承办各几家), before the city quotas' },
  { intent: quota, why: 'numbers of students, before dates that share 选/名 words' },
  { intent: evaluationCount, why: '"一年评几次" counts the evaluations, before the dates and facts of each' },
  { intent: offset, why: '"截止日前一周完成，最迟哪天" moves a step’s day back, before the span and the date alone' },
  { intent: interval, why: 'the time between two steps is arithmetic over their dates, not either date alone' },
  { intent: month, why: 'a month with no step named: what happens then, before the step readings' },
  { intent: atUniversity, why: 'what is done at the university, before duties of 大学 as a party' },
  { intent: activities, why: 'what a selected student takes part in, before duties and steps' },
  { intent: eachStep, why: 'one thing asked of several steps: each step, before a party’s duties or one step’s fact' },
  {
    intent: reviewStep,
    why: '"市级审核重点审核哪些方面" asks what a review checks, before the parties of a step (哪些方面)',
  },
  { intent: stepParty, why: '"年度评价哪个部门负责" asks the parties of a named step, before the duties of one party' },
  { intent: duty, why: 'what a party must do, before the step readings its words resemble' },
  { intent: nextStep, why: '"审核通过后下一步" asks the steps after one, not the calendar' },
  { intent: schedule, why: "the calendar from today, before a single step's date" },
  { intent: deadline, why: 'the date of a named step' },
  { intent: university, why: 'a university the plan does not list, once no date or step was asked' },
  { intent: cityRuns, why: 'whether the program runs in one of its own cities, before retrieval picks any one fact' },
  { intent: outsideCity, why: 'only cities outside the program named: no fact applies there' },
  { intent: notInDomain, why: 'nothing of the program in the words: unsure rather than a stray fact' },
  { intent: article, why: 'an article referred to by its number, once nothing more particular of it was read' },
  { intent: qualifier, why: 'a qualifier the plan never names: the broader fact with the gap' },
  { intent: gap, why: 'the best fact lacks the detail asked: the gap, said with the fact' },
  { intent: retrieve, why: 'everything else: the best facts by BM25, hedged when unsure' },
]
