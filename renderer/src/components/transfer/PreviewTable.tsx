import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import type { ImportRow } from '../../../../electron/shared/transfer'
import { providerLabel, useProviders } from '../../providers-ui'
import { ACTION_LABELS } from './transfer-ui'

/** Past this many rows the table draws only what is in view (a 10,000-row spreadsheet stays quick). */
const VIRTUAL_FROM = 200
const ROW_PX = 36

function Cells({ row }: { row: ImportRow }) {
  const providers = useProviders()
  return (
    <>
      <td>{row.row}</td>
      <td>{row.name}</td>
      <td>{row.provider ? providerLabel(providers.find((p) => p.id === row.provider), row.provider) : '—'}</td>
      <td>
        <span className={`import-action import-${row.action}`}>{ACTION_LABELS[row.action]}</span>
        {row.reason && <span className="import-reason"> {row.reason}</span>}
      </td>
    </>
  )
}

/** What importing would do, row by row, as the preview said. */
export function PreviewTable({ rows }: { rows: readonly ImportRow[] }) {
  const scroller = useRef<HTMLDivElement>(null)
  const virtual = rows.length > VIRTUAL_FROM
  const virtualizer = useVirtualizer({ count: virtual ? rows.length : 0, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 12 })
  const items = virtualizer.getVirtualItems()
  const head = (
    <thead>
      <tr>
        <th scope="col">Row</th>
        <th scope="col">Name</th>
        <th scope="col">Provider</th>
        <th scope="col">What happens</th>
      </tr>
    </thead>
  )
  if (!virtual) {
    return (
      <div className="import-table-wrap" ref={scroller}>
        <table className="import-table">
          <caption className="visually-hidden">What importing this file would do</caption>
          {head}
          <tbody>
            {rows.map((r) => (
              <tr key={r.row}>
                <Cells row={r} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )
  }
  const before = items[0]?.start ?? 0
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)
  return (
    <div className="import-table-wrap" ref={scroller}>
      <table className="import-table" aria-rowcount={rows.length + 1}>
        <caption className="visually-hidden">What importing this file would do</caption>
        {head}
        <tbody>
          {before > 0 && <tr style={{ height: before }} aria-hidden="true" />}
          {items.map((item) => {
            const r = rows[item.index] as ImportRow
            return (
              <tr key={r.row} aria-rowindex={item.index + 2} style={{ height: ROW_PX }}>
                <Cells row={r} />
              </tr>
            )
          })}
          {after > 0 && <tr style={{ height: after }} aria-hidden="true" />}
        </tbody>
      </table>
    </div>
  )
}
