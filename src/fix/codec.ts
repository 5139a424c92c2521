// The FIX tag=value codec: a bounded frame decoder over a byte stream, a field splitter that
// records offsets instead of building strings, and an encoder into one reusable buffer.
//
// Why in-house rather than a library: jspurefix (measured separately) is a full engine with its own
// session layer, message objects and validation texts; the QuickFIX acceptance suite compares our
// replies byte for byte (BodyLength included), so the session layer, its validation order and its
// reject texts must be ours. And the hot path wants no object per field: a parsed message here is
// one Buffer and one array of (tag, valueStart, valueEnd) triples; strings are made only for
// the fields someone asks for. Values are read and written as latin1, i.e. byte for byte, so any
// value round-trips exactly and BodyLength counts what is on the wire.
import { STANDARD_CODEC_TABLES, TAG_DATA, TAG_TABLE_SIZE, type CodecTables } from './dictionary.js';
import { FixError, FixErrorCode } from './errors.js';

export const SOH = 0x01;
/** Largest frame accepted and produced, BeginString to CheckSum. Anything longer garbles the stream. */
export const DEFAULT_MAX_MESSAGE_BYTES = 65_536;
/** BeginString values are short ("FIXT.1.1"); a longer one means we are not looking at a header. */
const MAX_BEGIN_STRING_BYTES = 16;
/** BodyLength digits: 7 is already far beyond any maximum message size. */
const MAX_LENGTH_DIGITS = 7;
const BEGIN_MARK = Buffer.from('8=FIX', 'latin1');
const CHECKSUM_MARK = Buffer.from('\x0110=', 'latin1');
const DIGIT_0 = 48;
const EQUALS = 61;
const MINUS = 45;

export type FixValue = string | number;
export type FixField = readonly [tag: number, value: FixValue];

function boundedIndexOf(buffer: Buffer, needle: Buffer | number, from: number, end: number): number {
  if (from >= end) return -1;
  const at = buffer.indexOf(needle, from);
  const width = typeof needle === 'number' ? 1 : needle.length;
  return at >= 0 && at + width <= end ? at : -1;
}

/**
 * Splits a byte stream into frames the way QuickFIX's parser does, so that a wrong BodyLength
 * swallows exactly what QuickFIX would swallow: find "8=FIX", read "9=<length>", then take
 * everything up to the first "<SOH>10=...<SOH>" at or after the declared end of the body. Garbage
 * before "8=FIX" is skipped. A declared length or a frame over the maximum sets `error` and the
 * decoder stops: the connection must be closed, since resynchronising inside an oversized frame
 * would mean trusting its content. Frames returned by next() are views into the decoder's buffer,
 * valid until the next push().
 */
export class FrameDecoder {
  private buffer: Buffer;
  private start = 0;
  private end = 0;
  private frameStart = -1;
  private searchFrom = 0;
  private failure: FixErrorCode | 0 = 0;

  constructor(readonly maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES) {
    this.buffer = Buffer.allocUnsafe(Math.min(16_384, maxMessageBytes + 64));
  }

  /** 0, or the reason the stream cannot be read further. */
  get error(): FixErrorCode | 0 {
    return this.failure;
  }

  get bufferedBytes(): number {
    return this.end - this.start;
  }

  push(chunk: Uint8Array): void {
    if (this.failure !== 0 || chunk.length === 0) return;
    if (this.end + chunk.length > this.buffer.length && this.start > 0) {
      this.buffer.copyWithin(0, this.start, this.end);
      if (this.frameStart >= 0) {
        this.frameStart -= this.start;
        this.searchFrom -= this.start;
      }
      this.end -= this.start;
      this.start = 0;
    }
    if (this.end + chunk.length > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.end + chunk.length));
      this.buffer.copy(grown, 0, 0, this.end);
      this.buffer = grown;
    }
    this.buffer.set(chunk, this.end);
    this.end += chunk.length;
  }

  /** The next complete frame, or null when more bytes are needed (or the stream failed). */
  next(): Buffer | null {
    while (this.failure === 0) {
      if (this.frameStart < 0 && !this.readHeader()) return null;
      if (this.frameStart < 0) continue; // that candidate was not a header: look for the next one
      const mark = boundedIndexOf(this.buffer, CHECKSUM_MARK, this.searchFrom, this.end);
      const soh = mark < 0 ? -1 : boundedIndexOf(this.buffer, SOH, mark + CHECKSUM_MARK.length, this.end);
      if (soh < 0) {
        if (this.end - this.frameStart > this.maxMessageBytes + 64) this.failure = FixErrorCode.MESSAGE_TOO_LARGE;
        else if (mark < 0) this.searchFrom = Math.max(this.searchFrom, this.end - CHECKSUM_MARK.length + 1);
        return null;
      }
      const frame = this.buffer.subarray(this.frameStart, soh + 1);
      this.start = soh + 1;
      this.frameStart = -1;
      return frame;
    }
    return null;
  }

  /**
   * Looks for "8=FIX...<SOH>9=<digits><SOH>". Returns false when more bytes are needed; true when
   * it found a header (frameStart set) or skipped a false start (frameStart still -1).
   */
  private readHeader(): boolean {
    const buffer = this.buffer;
    const begin = boundedIndexOf(buffer, BEGIN_MARK, this.start, this.end);
    if (begin < 0) {
      this.start = Math.max(this.start, this.end - BEGIN_MARK.length + 1);
      return false;
    }
    this.start = begin;
    const limit = Math.min(this.end, begin + 2 + MAX_BEGIN_STRING_BYTES + 1);
    const afterBegin = boundedIndexOf(buffer, SOH, begin + 2, limit);
    if (afterBegin < 0) {
      if (limit === this.end && this.end - begin < 2 + MAX_BEGIN_STRING_BYTES + 1) return false;
      this.start = begin + 1;
      return true;
    }
    if (this.end < afterBegin + 3) return false;
    if (buffer[afterBegin + 1] !== 57 || buffer[afterBegin + 2] !== EQUALS) {
      this.start = begin + 1;
      return true;
    }
    let at = afterBegin + 3;
    let length = 0;
    while (at < this.end && at - afterBegin - 3 <= MAX_LENGTH_DIGITS) {
      const digit = (buffer[at] ?? 0) - DIGIT_0;
      if (digit < 0 || digit > 9) break;
      length = length * 10 + digit;
      at++;
    }
    const digits = at - afterBegin - 3;
    if (at === this.end && digits <= MAX_LENGTH_DIGITS) return false;
    if (digits === 0 || digits > MAX_LENGTH_DIGITS || buffer[at] !== SOH) {
      this.start = begin + 1;
      return true;
    }
    if (length > this.maxMessageBytes) {
      this.failure = FixErrorCode.MESSAGE_TOO_LARGE;
      return false;
    }
    this.frameStart = begin;
    this.searchFrom = at + length; // the SOH that ends the body, where "<SOH>10=" must start
    return true;
  }
}

/** Why a frame could not be read as a message; the session ignores such frames (QuickFIX: garbled). */
export type ParseError =
  | typeof FixErrorCode.GARBLED
  | typeof FixErrorCode.HEADER_ORDER
  | typeof FixErrorCode.BODY_LENGTH_MISMATCH
  | typeof FixErrorCode.CHECKSUM_MISMATCH;

/** One received message: its bytes and (tag, valueStart, valueEnd) per field, in the order they arrived. */
export class FixMessage {
  readonly msgType: string;

  constructor(
    readonly raw: Buffer,
    private readonly spans: readonly number[],
    readonly fieldCount: number,
  ) {
    this.msgType = this.valueAt(2);
  }

  tagAt(index: number): number {
    return this.spans[index * 3] ?? 0;
  }

  valueAt(index: number): string {
    return this.raw.toString('latin1', this.spans[index * 3 + 1], this.spans[index * 3 + 2]);
  }

  valueStartAt(index: number): number {
    return this.spans[index * 3 + 1] ?? 0;
  }

  valueEndAt(index: number): number {
    return this.spans[index * 3 + 2] ?? 0;
  }

  valueLengthAt(index: number): number {
    return (this.spans[index * 3 + 2] ?? 0) - (this.spans[index * 3 + 1] ?? 0);
  }

  /** The index of the first field with this tag at or after `from`, or -1. */
  indexOf(tag: number, from = 0): number {
    for (let i = from; i < this.fieldCount; i++) if (this.spans[i * 3] === tag) return i;
    return -1;
  }

  has(tag: number): boolean {
    return this.indexOf(tag) >= 0;
  }

  /** The value of the first field with this tag. */
  get(tag: number): string | undefined {
    const index = this.indexOf(tag);
    return index < 0 ? undefined : this.valueAt(index);
  }

  /** The value as a non-negative integer (digits only, at most 15), or NaN. No string is built. */
  intAt(index: number): number {
    const start = this.spans[index * 3 + 1] ?? 0;
    const end = this.spans[index * 3 + 2] ?? 0;
    if (end <= start || end - start > 15) return Number.NaN;
    let value = 0;
    for (let i = start; i < end; i++) {
      const digit = (this.raw[i] ?? 0) - DIGIT_0;
      if (digit < 0 || digit > 9) return Number.NaN;
      value = value * 10 + digit;
    }
    return value;
  }

  getInt(tag: number): number {
    const index = this.indexOf(tag);
    return index < 0 ? Number.NaN : this.intAt(index);
  }

  /** MsgSeqNum (34), NaN when absent or not a number. */
  get msgSeqNum(): number {
    return this.getInt(34);
  }

  /** A message that owns its bytes (received messages are views into a connection's buffer). */
  copy(): FixMessage {
    return new FixMessage(Buffer.from(this.raw), this.spans, this.fieldCount);
  }

  /** Every field as [tag, value] pairs; allocates, for tests and tools. */
  fields(): [number, string][] {
    const out: [number, string][] = [];
    for (let i = 0; i < this.fieldCount; i++) out.push([this.tagAt(i), this.valueAt(i)]);
    return out;
  }

  /** The message with SOH shown as '|', for logs and test reports. */
  toString(): string {
    return printable(this.raw);
  }
}

export function printable(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1').replaceAll('\x01', '|');
}

/** Field offsets are collected here, then copied out at the exact size: one allocation per message. */
let scratch = new Int32Array(3 * 256);

/**
 * Splits one frame into fields and checks what QuickFIX checks before anything else: the first
 * three fields are 8, 9, 35, the last is 10, BodyLength and CheckSum are right. A data field
 * (RawData 96 and the like) directly after its length field is read by length, so it may contain
 * SOH. Tags may be negative or zero here (the validator rejects them as invalid tag numbers, as
 * QuickFIX does); a tag with any other non-digit makes the frame garbled. Plain loops over the
 * bytes: values are short, and a native indexOf per field costs more than it saves.
 */
export function parseMessage(frame: Buffer, tables: CodecTables = STANDARD_CODEC_TABLES): FixMessage | ParseError {
  const length = frame.length;
  let count = 0;
  let at = 0;
  let previousTag = 0;
  while (at < length) {
    let negative = false;
    if (frame[at] === MINUS) {
      negative = true;
      at++;
    }
    const tagStart = at;
    let tag = 0;
    let byte = frame[at] ?? 0;
    while (byte !== EQUALS) {
      const digit = byte - DIGIT_0;
      if (digit < 0 || digit > 9 || at - tagStart >= 9) return FixErrorCode.GARBLED;
      tag = tag * 10 + digit;
      if (++at >= length) return FixErrorCode.GARBLED;
      byte = frame[at] ?? 0;
    }
    if (at === tagStart) return FixErrorCode.GARBLED;
    if (negative) tag = -tag;
    const valueStart = at + 1;
    let valueEnd = -1;
    if (tag > 0 && tag < TAG_TABLE_SIZE && ((tables.flags[tag] ?? 0) & TAG_DATA) !== 0 && count > 0 && previousTag === tables.lengthTagOf(tag)) {
      const declared = dataLength(frame, scratch, count - 1);
      if (declared >= 0 && frame[valueStart + declared] === SOH) valueEnd = valueStart + declared;
    }
    if (valueEnd < 0) {
      valueEnd = valueStart;
      while (valueEnd < length && frame[valueEnd] !== SOH) valueEnd++;
      if (valueEnd === length) return FixErrorCode.GARBLED;
    }
    if (count * 3 + 3 > scratch.length) {
      const grown = new Int32Array(scratch.length * 2);
      grown.set(scratch);
      scratch = grown;
    }
    scratch[count * 3] = tag;
    scratch[count * 3 + 1] = valueStart;
    scratch[count * 3 + 2] = valueEnd;
    count++;
    previousTag = tag;
    at = valueEnd + 1;
  }
  if (count < 4 || scratch[0] !== 8 || scratch[3] !== 9 || scratch[6] !== 35) return FixErrorCode.HEADER_ORDER;
  if (scratch[(count - 1) * 3] !== 10) return FixErrorCode.GARBLED;
  // A plain array of small integers, not an Int32Array: on Node 20 allocating a 60-element typed
  // array costs ~800 ns and a pre-sized array ~65 ns (measured), and this is once per message.
  const spans = new Array<number>(count * 3);
  for (let i = 0; i < spans.length; i++) spans[i] = scratch[i] ?? 0;
  return checkFrame(frame, spans, count);
}

function dataLength(frame: Buffer, spans: ArrayLike<number>, index: number): number {
  const start = spans[index * 3 + 1] ?? 0;
  const end = spans[index * 3 + 2] ?? 0;
  if (end <= start || end - start > 7) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = (frame[i] ?? 0) - DIGIT_0;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function checkFrame(frame: Buffer, spans: readonly number[], count: number): FixMessage | ParseError {
  const declaredLength = dataLength(frame, spans, 1);
  const bodyStart = (spans[5] ?? 0) + 1;
  const checksumTagStart = (spans[(count - 1) * 3 + 1] ?? 0) - 3;
  if (declaredLength !== checksumTagStart - bodyStart) return FixErrorCode.BODY_LENGTH_MISMATCH;
  const checksumStart = spans[(count - 1) * 3 + 1] ?? 0;
  const checksumEnd = spans[(count - 1) * 3 + 2] ?? 0;
  if (checksumEnd - checksumStart < 1 || checksumEnd - checksumStart > 3) return FixErrorCode.CHECKSUM_MISMATCH;
  let declared = 0;
  for (let i = checksumStart; i < checksumEnd; i++) {
    const digit = (frame[i] ?? 0) - DIGIT_0;
    if (digit < 0 || digit > 9) return FixErrorCode.CHECKSUM_MISMATCH;
    declared = declared * 10 + digit;
  }
  if (declared !== checksum(frame, 0, checksumTagStart)) return FixErrorCode.CHECKSUM_MISMATCH;
  return new FixMessage(frame, spans, count);
}

/** The FIX CheckSum: the sum of the bytes modulo 256. */
export function checksum(bytes: Uint8Array, start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum += bytes[i] ?? 0;
  return sum & 0xff;
}

/** Room before the body for "8=<BeginString><SOH>9=<length><SOH>", written once the length is known. */
const PREFIX_BYTES = 32;
const TRAILER_BYTES = 7;

/**
 * Writes messages into one reusable buffer: the body first (from MsgType on), then the prefix
 * right-aligned before it once BodyLength is known, then CheckSum. Fields are written in the order
 * given: the session sorts header fields the way QuickFIX does (8, 9, 35, then by tag), and the
 * application owns the order of the body (a group's entries follow its NumInGroup field).
 */
export class FixEncoder {
  private readonly buffer: Buffer;
  private at = 0;

  constructor(
    readonly maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES,
    private readonly tables: CodecTables = STANDARD_CODEC_TABLES,
  ) {
    this.buffer = Buffer.allocUnsafe(maxMessageBytes + PREFIX_BYTES);
  }

  /** Encodes and returns a Buffer the caller owns. */
  encode(beginString: string, msgType: string, header: readonly FixField[], body: readonly FixField[]): Buffer {
    return Buffer.from(this.encodeInto(beginString, msgType, header, body));
  }

  /** Encodes into the encoder's buffer; the view is valid until the next call. */
  encodeInto(beginString: string, msgType: string, header: readonly FixField[], body: readonly FixField[]): Buffer {
    if (beginString.length > MAX_BEGIN_STRING_BYTES) throw new FixError(FixErrorCode.CONFIG_INVALID, `BeginString ${beginString}`);
    this.at = PREFIX_BYTES;
    this.writeField(35, msgType);
    for (const [tag, value] of header) this.writeField(tag, value);
    for (const [tag, value] of body) this.writeField(tag, value);
    const bodyLength = this.at - PREFIX_BYTES;
    const prefix = `8=${beginString}\x019=${bodyLength}\x01`;
    const start = PREFIX_BYTES - prefix.length;
    this.buffer.write(prefix, start, 'latin1');
    const sum = checksum(this.buffer, start, this.at);
    const buffer = this.buffer;
    let at = this.at;
    buffer[at++] = 49; // '1'
    buffer[at++] = DIGIT_0;
    buffer[at++] = EQUALS;
    buffer[at++] = DIGIT_0 + Math.floor(sum / 100);
    buffer[at++] = DIGIT_0 + (Math.floor(sum / 10) % 10);
    buffer[at++] = DIGIT_0 + (sum % 10);
    buffer[at++] = SOH;
    return buffer.subarray(start, at);
  }

  private room(bytes: number): void {
    if (this.at + bytes + TRAILER_BYTES > this.buffer.length) {
      throw new FixError(FixErrorCode.MESSAGE_TOO_LARGE, `message longer than ${this.maxMessageBytes} bytes`);
    }
  }

  private writeInteger(value: number): void {
    this.room(22);
    const buffer = this.buffer;
    let v = value;
    if (v < 0) {
      buffer[this.at++] = MINUS;
      v = -v;
    }
    if (v < 100_000) {
      // Tags and most integer values: digit count by comparison, no division loop to count.
      const digits = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10_000 ? 4 : 5;
      let at = this.at + digits - 1;
      let rest = v;
      do {
        const next = (rest / 10) | 0;
        buffer[at--] = DIGIT_0 + rest - next * 10;
        rest = next;
      } while (rest > 0);
      this.at += digits;
      return;
    }
    let digits = 0;
    for (let rest = v; rest > 0; rest = Math.floor(rest / 10)) digits++;
    let at = this.at + digits - 1;
    for (let rest = v; rest > 0; rest = Math.floor(rest / 10)) buffer[at--] = DIGIT_0 + (rest % 10);
    this.at += digits;
  }

  private writeField(tag: number, value: FixValue): void {
    this.writeInteger(tag);
    this.buffer[this.at++] = EQUALS;
    if (typeof value === 'number' && Number.isSafeInteger(value)) {
      this.writeInteger(value);
    } else {
      const text = typeof value === 'number' ? String(value) : value;
      const isData = tag > 0 && tag < TAG_TABLE_SIZE && ((this.tables.flags[tag] ?? 0) & TAG_DATA) !== 0;
      this.room(text.length + 1);
      if (text.length > 64) {
        if (!isData && text.includes('\x01')) throw new FixError(FixErrorCode.VALUE_CONTAINS_SOH, `tag ${tag}`);
        this.at += this.buffer.write(text, this.at, 'latin1');
      } else {
        // Short values (nearly all of them) by hand: cheaper than a native call per field.
        const buffer = this.buffer;
        let at = this.at;
        for (let i = 0; i < text.length; i++) {
          const code = text.charCodeAt(i);
          if (code === SOH && !isData) throw new FixError(FixErrorCode.VALUE_CONTAINS_SOH, `tag ${tag}`);
          buffer[at++] = code; // latin1: the low byte, as Buffer.write(…, 'latin1') does
        }
        this.at = at;
      }
    }
    this.buffer[this.at++] = SOH;
  }
}
