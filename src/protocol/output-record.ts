// What the core publishes to the output ring: one 128-byte slot per event, then one COMMAND_END
// slot per command, so that every command gets a response even when it causes no event (a mass
// cancel that finds nothing). A slot is the engine's event record (EVENT_WIDTH float64 words, seq at
// word 1) followed by the command's origin and request id, for routing the response.
import { EVENT_WIDTH } from '../engine/event.js';

export const OUTPUT_RECORD_BYTES = 128;
/**
 * Event type 0 is not an engine event: it ends one command's events. Word 2 holds their count, word
 * 3 the command's sequenced timestamp (u64 nanoseconds), so a replica can apply the same command.
 */
export const COMMAND_END = 0;
export const OUTPUT_ORIGIN_OFFSET = EVENT_WIDTH * 8;
export const OUTPUT_REQUEST_OFFSET = OUTPUT_ORIGIN_OFFSET + 4;

export function outputType(view: DataView, offset: number): number {
  return view.getFloat64(offset, true);
}

export function outputSeq(view: DataView, offset: number): number {
  return view.getFloat64(offset + 8, true);
}

export function outputWord(view: DataView, offset: number, word: number): number {
  return view.getFloat64(offset + word * 8, true);
}

export function outputOrigin(view: DataView, offset: number): number {
  return view.getUint32(offset + OUTPUT_ORIGIN_OFFSET, true);
}

export function outputRequestId(view: DataView, offset: number): number {
  return view.getUint32(offset + OUTPUT_REQUEST_OFFSET, true);
}

/** COMMAND_END only: the sequenced timestamp the core applied the command with. */
export function outputTimestampNs(view: DataView, offset: number): bigint {
  return view.getBigUint64(offset + 24, true);
}
