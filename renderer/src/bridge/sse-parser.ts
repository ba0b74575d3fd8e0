export interface ServerEvent {
  readonly event: string
  readonly data: string
}

/**
 * Server-Sent Events from text chunks as they arrive: whole events only, comments skipped. The
 * window reads the stream with fetch (EventSource cannot send the session header), so it parses
 * the format itself; the host writes `\n` line ends and one `data:` line per event.
 */
export class SseParser {
  private buffer = ''

  push(chunk: string): ServerEvent[] {
    this.buffer += chunk
    const events: ServerEvent[] = []
    let end = this.buffer.indexOf('\n\n')
    while (end !== -1) {
      const event = parseBlock(this.buffer.slice(0, end))
      if (event) events.push(event)
      this.buffer = this.buffer.slice(end + 2)
      end = this.buffer.indexOf('\n\n')
    }
    return events
  }
}

function parseBlock(block: string): ServerEvent | undefined {
  let event = 'message'
  const data: string[] = []
  for (const line of block.split('\n')) {
    if (line.startsWith('event: ')) event = line.slice(7)
    else if (line.startsWith('data: ')) data.push(line.slice(6))
  }
  return data.length === 0 ? undefined : { event, data: data.join('\n') }
}
