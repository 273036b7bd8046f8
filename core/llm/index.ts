/** The optional language model: `createLlm` and its types (llm.ts), and the guard it applies (guard.ts). */
export * from './guard'
export * from './llm'
export { renderPrompt, renderChatPrompt, loadPromptTemplate } from './render-prompt'
