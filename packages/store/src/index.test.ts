// The export list of @cosafe/store, so that a change to the package's door shows in review.

import { expect, it } from 'vitest'

it('exports what it exported', async () => {
  expect(Object.keys(await import('./index.js')).sort()).toMatchSnapshot()
})
