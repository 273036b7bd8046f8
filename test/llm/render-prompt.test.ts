import { describe, expect, it } from 'vitest'
import { loadPromptTemplate, renderChatPrompt, renderPrompt } from '../../core/llm/render-prompt'

describe('renderPrompt', () => {
  it('fills placeholders once, inserting values literally', () => {
    expect(renderPrompt('问：{{question}}；{{ n }}', { question: '{{n}}是什么', n: 3 })).toBe('问：{{n}}是什么；3')
  })

  it('fails loudly on a placeholder without a value', () => {
    expect(() => renderPrompt('{{missing}}', {})).toThrow('prompt placeholder has no value: missing')
  })
})

describe('the qa-rephrase prompt file', () => {
  it('has every placeholder the client fills, and splits into system and user messages', () => {
    const template = loadPromptTemplate('qa-rephrase')
    const names = [...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort()
    expect([...new Set(names)]).toEqual(['facts', 'maxChars', 'programName', 'question'])
    const { system, user } = renderChatPrompt('qa-rephrase', {
      programName: '八桂青少年英才培养计划',
      maxChars: 400,
      question: '什么时候截止？',
      facts: '[]',
    })
    expect(system).toContain('八桂青少年英才培养计划')
    expect(system).toContain('400')
    expect(system).not.toContain('什么时候截止')
    expect(user).toContain('什么时候截止？')
    expect(user).not.toContain('规则')
  })
})
