import { useEffect, useState } from 'react'
import { useStore } from '../store/store'
import { selectAnnouncement } from '../store/selectors'

const VISIBLE_MS = 6000

/**
 * The polite live region: status changes are read out without moving focus, and fade after a
 * while. It is the window's status line, a strip of its own below the screen, so no message ever
 * lies on top of a button.
 */
export function Announcer() {
  const announcement = useStore(selectAnnouncement)
  const [shownAt, setShownAt] = useState<number | null>(null)
  useEffect(() => {
    if (!announcement) return
    setShownAt(announcement.at)
    const timer = setTimeout(() => setShownAt(null), VISIBLE_MS)
    return () => clearTimeout(timer)
  }, [announcement])
  return (
    <footer className="status-bar">
      <div className="announcer" role="status" aria-live="polite" aria-atomic="true">
        {announcement && shownAt === announcement.at && <span key={announcement.at}>{announcement.text}</span>}
      </div>
    </footer>
  )
}
