import { describe, expect, it } from 'vitest'
import { normaliseText } from './normalise'
import { builtInProgram, type Program } from './program'
import { addsDetail, factIndex, searchFacts } from './retrieval'

const program = builtInProgram(2023) as Program
const index = factIndex(program)
const top = (q: string) => searchFacts(index, normaliseText(q))[0]?.fact.id
const fact = (id: string) => program.facts.find((f) => f.id === id) as Program['facts'][number]

describe('searchFacts', () => {
  it('ranks the narrow fact whose answer holds the asked words close together above the broad one', () => {
    // 实验室 is a keyword of the broad 五（三）; only 五（三）1 says the labs are opened to students.
    expect(top('高校实验室对学员开放吗')).toBe('university_training')
    expect(top('到高校实验室做研究由中学组织吗')).toBe('school_role')
  })

  it('prefers the overview fact of an article when the question asks how something works as a whole', () => {
    expect(top('评价总体上怎么搞')).toBe('evaluation')
  })
})

describe('addsDetail', () => {
  it('is true only when the other fact says a rare question word the top fact lacks', () => {
    expect(addsDetail(index, '学生毕业后还跟踪吗', fact('tracking'), fact('responsibilities'))).toBe(true)
    expect(addsDetail(index, '学生毕业后还跟踪吗', fact('responsibilities'), fact('tracking'))).toBe(false)
  })
})
