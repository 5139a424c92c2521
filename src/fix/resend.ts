// Answering a ResendRequest, as QuickFIX's Session::nextResendRequest does: application messages
// go out again under their own seq with PossDupFlag=Y and OrigSendingTime, and every run of session
// (admin) messages, or of seqs no longer kept, becomes one SequenceReset-GapFill. This module
// decides what to send; the session stamps and writes it (sendRaw with a fixed seq).
import { parseMessage, type FixField, type FixMessage } from './codec.js';
import { type CodecTables, FixDictionary, TAG_HEADER, TAG_TABLE_SIZE, TAG_TRAILER } from './dictionary.js';
import type { FixSessionStore } from './store.js';

/** Header tags the session owns and stamps itself: an application cannot set them, a resend does not copy them. */
export const SESSION_HEADER_TAGS = new Set([8, 9, 35, 34, 49, 52, 56, 43, 122, 10]);

/** Where replayRange sends its decisions. */
export interface ResendSink {
  /** A SequenceReset-GapFill sent as `seq`, moving the counterparty on to `newSeqNo`. */
  gapFill(seq: number, newSeqNo: number): void;
  /** A stored application message, sent again. */
  resend(stored: FixMessage): void;
}

/**
 * Replays seqs begin..end (inclusive; end already clamped below the next sender seq) from the
 * store. Seqs missing from the store (never kept, or unreadable) are gap-filled like admin messages.
 */
export function replayRange(store: FixSessionStore, tables: CodecTables, begin: number, end: number, sink: ResendSink): void {
  let gapStart = 0;
  let current = begin;
  let last = 0;
  for (const raw of store.range(begin, end)) {
    const stored = parseMessage(raw, tables);
    if (typeof stored === 'number') continue;
    const seq = stored.msgSeqNum;
    if (current !== seq && gapStart === 0) gapStart = current;
    if (FixDictionary.isAdminMsgType(stored.msgType)) {
      if (gapStart === 0) gapStart = seq;
    } else {
      if (gapStart !== 0) sink.gapFill(gapStart, seq);
      sink.resend(stored);
      gapStart = 0;
    }
    current = seq + 1;
    last = seq;
  }
  if (gapStart !== 0) sink.gapFill(gapStart, last + 1);
  if (end > last) sink.gapFill(last === 0 ? begin : last + 1, end + 1);
}

/** The header and body of a stored application message sent again: PossDupFlag and OrigSendingTime added. */
export function possDupFields(stored: FixMessage, tables: CodecTables): { header: FixField[]; body: FixField[] } {
  const flags = tables.flags;
  const header: FixField[] = [
    [43, 'Y'],
    [122, stored.get(52) ?? ''],
  ];
  const body: FixField[] = [];
  for (let i = 3; i < stored.fieldCount; i++) {
    const tag = stored.tagAt(i);
    const kind = tag > 0 && tag < TAG_TABLE_SIZE ? (flags[tag] ?? 0) : 0;
    if ((kind & TAG_TRAILER) !== 0 || SESSION_HEADER_TAGS.has(tag)) continue;
    ((kind & TAG_HEADER) !== 0 ? header : body).push([tag, stored.valueAt(i)]);
  }
  return { header, body };
}

/** A SequenceReset-GapFill to `newSeqNo`, sent at `sendingTime` (also its OrigSendingTime). */
export function gapFillFields(newSeqNo: number, sendingTime: string): { header: FixField[]; body: FixField[] } {
  return {
    header: [
      [43, 'Y'],
      [122, sendingTime],
    ],
    body: [
      [36, newSeqNo],
      [123, 'Y'],
    ],
  };
}
