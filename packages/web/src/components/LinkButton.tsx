// A link-looking button for actions inside tables (open a record): reachable with Tab, pressed with Enter or Space.
import type { ReactNode } from 'react'

export function LinkButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" className="link-button" onClick={onClick}>
      {children}
    </button>
  )
}
