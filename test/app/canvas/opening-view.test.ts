import { describe, expect, it } from 'vitest'
import { openingViewport, READABLE_ZOOM } from '../../../src/app/canvas/opening-view.ts'

const VIEW = { width: 800, height: 800 }
const PADDING = { top: 60, right: 40, bottom: 60, left: 60 }

describe('the view an IVR opens with', () => {
  it('fits the whole IVR when it can then be read', () => {
    expect(
      openingViewport({ x: 0, y: 0, width: 1000, height: 600 }, null, VIEW, PADDING),
    ).toBeNull()
  })

  it('is readable from the entry sections at the left when fitting would be too small', () => {
    const all = { x: 0, y: 0, width: 2000, height: 1000 }
    const entries = { x: 0, y: 300, width: 300, height: 400 }
    const view = openingViewport(all, entries, VIEW, PADDING)!
    expect(view.zoom).toBe(READABLE_ZOOM)
    // The layout's left edge at the left padding; the entries centred in the height there is.
    expect(view.x).toBe(PADDING.left)
    const room = VIEW.height - PADDING.top - PADDING.bottom
    expect(view.y + (entries.y + entries.height / 2) * view.zoom).toBeCloseTo(
      PADDING.top + room / 2,
    )
  })

  it('leaves no empty canvas above a layout taller than the view', () => {
    const all = { x: 0, y: 0, width: 3000, height: 5000 }
    const entries = { x: 0, y: 0, width: 300, height: 200 }
    const view = openingViewport(all, entries, VIEW, PADDING)!
    expect(view.y).toBe(PADDING.top)
  })
})
