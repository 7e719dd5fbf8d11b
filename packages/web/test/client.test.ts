// The API client's error mapping: the server's issues become form field errors, query strings drop empty values.
import { describe, expect, it } from 'vitest'
import { ApiError, apiUrl, fieldErrors } from '../src/api/client'

describe('fieldErrors', () => {
  it('puts each issue under its form field, without the request part', () => {
    const e = new ApiError(400, 'VALIDATION', 'invalid body', [
      { field: 'body.name', reason: 'must not be empty' },
      { field: 'body.contact.phone', reason: 'expected a phone number' },
      { field: 'body.actionItems.2.ownerId', reason: 'no actor "x" in this community' },
      { field: 'body.name', reason: 'at most 120 characters' },
      { field: '(root)', reason: 'the period ends before it starts' },
    ])
    expect(fieldErrors(e)).toEqual([
      { name: ['name'], errors: ['must not be empty', 'at most 120 characters'] },
      { name: ['contact', 'phone'], errors: ['expected a phone number'] },
      { name: ['actionItems', 2, 'ownerId'], errors: ['no actor "x" in this community'] },
      { name: [], errors: ['the period ends before it starts'] },
    ])
  })
  it('gives nothing for errors that are not the API’s', () => {
    expect(fieldErrors(new Error('boom'))).toEqual([])
    expect(fieldErrors(new ApiError(500, 'INTERNAL', 'internal error'))).toEqual([])
  })
})

describe('apiUrl', () => {
  it('joins lists with commas and leaves out empty values', () => {
    expect(
      apiUrl('/communities/c/network', { relations: ['INFO', 'CONSULT'], domains: [], from: undefined, to: '' }),
    ).toBe('/api/communities/c/network?relations=INFO%2CCONSULT')
    expect(apiUrl('/x', { limit: 1000, on: null })).toBe('/api/x?limit=1000')
  })
})

describe('request language', () => {
  it('sends the UI language as Accept-Language on every call', async () => {
    const { request, setRequestLanguage } = await import('../src/api/client')
    const seen: (string | null)[] = []
    const original = globalThis.fetch
    globalThis.fetch = (async (_url: string, init: RequestInit) => {
      seen.push(new Headers(init.headers).get('accept-language'))
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } })
    }) as typeof fetch
    try {
      setRequestLanguage('zh-CN')
      await request('GET', '/x')
      setRequestLanguage('en')
      await request('POST', '/x', { body: {} })
    } finally {
      globalThis.fetch = original
      setRequestLanguage(null)
    }
    expect(seen).toEqual(['zh-CN', 'en'])
  })
})
