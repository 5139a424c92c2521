// Validates a parsed message against the dictionaries, in QuickFIX's order, so that a message
// with several faults is rejected for the same one QuickFIX would name:
//   1. structure: no header field after the body has started, no body field after the trailer;
//   2. MsgType defined;
//   3. required fields: header, then body (lowest tag first), then inside each group entry;
//   4. every field, header first, then trailer, then body, each in ascending tag order: appears
//      once, has a value, has the type's format, has an allowed value, is a defined tag, is allowed
//      in this message type, and a NumInGroup equals the number of entries that follow it.
// Group entries are split as QuickFIX splits them (a member already present in the entry starts the
// next one; a non-member ends the group), except that an entry must start with the delimiter.
import { FieldType, TAG_HEADER, TAG_TABLE_SIZE, TAG_TRAILER, type FieldContainer, type FieldDef, type FixDictionary, type GroupDef, type MessageDef, type SpecDictionary } from './dictionary.js';
import type { FixMessage } from './codec.js';
import { SessionRejectReason } from './reasons.js';
import { parseUtcDate, parseUtcTimeOnly, parseUtcTimestamp } from './utc-time.js';

export interface ValidationFailure {
  readonly reason: SessionRejectReason;
  /** The tag at fault (RefTagID 371), or 0 when the reason names none. */
  readonly tag: number;
}

/** The fields of one level (the body, or one entry of a group): indices into the message. */
interface Level {
  readonly indices: number[];
  readonly groups: Map<number, ParsedGroup>;
}

interface ParsedGroup {
  readonly def: GroupDef;
  readonly entries: Level[];
}

class Fault extends Error {
  constructor(readonly failure: ValidationFailure) {
    super('invalid message');
  }
}

function fail(reason: SessionRejectReason, tag: number): never {
  // Thrown only inside this module and caught in validateMessage: the recursion over groups reads
  // better with an early exit than with a result threaded through every level.
  throw new Fault({ reason, tag });
}

const DIGIT_0 = 48;

function isDigits(raw: Buffer, start: number, end: number, signed: boolean, fraction: boolean): boolean {
  let at = start;
  if (signed && raw[at] === 45) at++;
  let digits = 0;
  let dots = 0;
  for (; at < end; at++) {
    const byte = raw[at] ?? 0;
    if (byte >= DIGIT_0 && byte <= DIGIT_0 + 9) digits++;
    else if (fraction && byte === 46 && dots === 0) dots++;
    else return false;
  }
  return digits > 0;
}

function hasFormat(message: FixMessage, index: number, def: FieldDef): boolean {
  const raw = message.raw;
  const start = message.valueStartAt(index);
  const end = message.valueEndAt(index);
  switch (def.type) {
    case FieldType.INT:
      return isDigits(raw, start, end, true, false);
    case FieldType.NON_NEGATIVE_INT:
      return isDigits(raw, start, end, false, false);
    case FieldType.FLOAT:
      return isDigits(raw, start, end, true, true);
    case FieldType.CHAR:
      return end - start === 1;
    case FieldType.BOOLEAN:
      return end - start === 1 && (raw[start] === 89 || raw[start] === 78);
    case FieldType.UTC_TIMESTAMP:
      return !Number.isNaN(parseUtcTimestamp(message.valueAt(index)));
    case FieldType.UTC_TIME_ONLY:
      return !Number.isNaN(parseUtcTimeOnly(message.valueAt(index)));
    case FieldType.UTC_DATE_ONLY:
      return end - start === 8 && !Number.isNaN(parseUtcDate(message.valueAt(index)));
    case FieldType.MONTH_YEAR:
      return isMonthYear(message.valueAt(index));
    default:
      return true;
  }
}

function isMonthYear(value: string): boolean {
  if (value.length !== 6 && value.length !== 8) return false;
  if (Number.isNaN(parseUtcDate(`${value.slice(0, 6)}01`))) return false;
  if (value.length === 6) return true;
  const suffix = value.slice(6);
  return /^w[1-5]$/.test(suffix) || !Number.isNaN(parseUtcDate(`${value.slice(0, 6)}${suffix}`));
}

function hasAllowedValue(message: FixMessage, index: number, def: FieldDef): boolean {
  const values = def.values;
  if (values === undefined) return true;
  const value = message.valueAt(index);
  if (def.type !== FieldType.MULTIPLE_VALUE) return values.has(value);
  return value.split(' ').every((part) => values.has(part));
}

class Validator {
  private readonly spec: SpecDictionary;

  constructor(
    private readonly message: FixMessage,
    private readonly dictionary: FixDictionary,
  ) {
    this.spec = dictionary.specFor(message.msgType);
  }

  run(): void {
    const message = this.message;
    const { bodyStart, trailerStart } = this.checkStructure();
    const def = this.spec.message(message.msgType);
    if (def === undefined) fail(SessionRejectReason.INVALID_MSGTYPE, 0);
    const body = this.parseLevel(bodyStart, trailerStart, def);
    const header = range(0, bodyStart);
    this.checkRequired(header, this.dictionary.transport.header.required);
    this.checkRequiredLevel(body, def);
    this.checkFields(header, this.dictionary.transport, undefined, undefined);
    this.checkFields(range(trailerStart, message.fieldCount), this.dictionary.transport, undefined, undefined);
    this.checkLevel(body, def);
  }

  /** Returns where the body and the trailer start; fails on a header or body field out of place. */
  checkStructure(): { bodyStart: number; trailerStart: number } {
    const message = this.message;
    const flags = this.dictionary.codecTables.flags;
    let bodyStart = -1;
    let trailerStart = -1;
    for (let i = 0; i < message.fieldCount; i++) {
      const tag = message.tagAt(i);
      const kind = tag > 0 && tag < TAG_TABLE_SIZE ? (flags[tag] ?? 0) : 0;
      if ((kind & TAG_HEADER) !== 0) {
        if (bodyStart >= 0 || trailerStart >= 0) fail(SessionRejectReason.TAG_SPECIFIED_OUT_OF_REQUIRED_ORDER, tag);
      } else if ((kind & TAG_TRAILER) !== 0) {
        if (trailerStart < 0) trailerStart = i;
      } else {
        if (trailerStart >= 0) fail(SessionRejectReason.TAG_SPECIFIED_OUT_OF_REQUIRED_ORDER, tag);
        if (bodyStart < 0) bodyStart = i;
      }
    }
    if (trailerStart < 0) trailerStart = message.fieldCount;
    return { bodyStart: bodyStart < 0 ? trailerStart : bodyStart, trailerStart };
  }

  parseLevel(start: number, end: number, container: FieldContainer): Level {
    const level: Level = { indices: [], groups: new Map() };
    let at = start;
    while (at < end) {
      level.indices.push(at);
      const tag = this.message.tagAt(at);
      const group = container.groups.get(tag);
      at = group === undefined ? at + 1 : this.parseGroup(at + 1, end, group, level);
    }
    return level;
  }

  /** Reads the entries of a group starting after its NumInGroup field; returns where it ends. */
  private parseGroup(start: number, end: number, def: GroupDef, parent: Level): number {
    const parsed: ParsedGroup = { def, entries: [] };
    parent.groups.set(def.countTag, parsed);
    let entry: Level | undefined;
    let tags: number[] = [];
    let at = start;
    while (at < end) {
      const tag = this.message.tagAt(at);
      if (!def.fields.has(tag)) break;
      if (entry === undefined || tag === def.delimiter || tags.includes(tag)) {
        if (tag !== def.delimiter) fail(SessionRejectReason.REPEATING_GROUP_FIELDS_OUT_OF_ORDER, tag);
        entry = { indices: [], groups: new Map() };
        tags = [];
        parsed.entries.push(entry);
      }
      entry.indices.push(at);
      tags.push(tag);
      const nested = def.groups.get(tag);
      at = nested === undefined ? at + 1 : this.parseGroup(at + 1, end, nested, entry);
    }
    return at;
  }

  private checkRequired(indices: readonly number[], required: readonly number[]): void {
    for (const tag of required) {
      if (!indices.some((index) => this.message.tagAt(index) === tag)) fail(SessionRejectReason.REQUIRED_TAG_MISSING, tag);
    }
  }

  private checkRequiredLevel(level: Level, container: FieldContainer): void {
    this.checkRequired(level.indices, container.required);
    for (const group of level.groups.values()) {
      for (const entry of group.entries) this.checkRequiredLevel(entry, group.def);
    }
  }

  private checkLevel(level: Level, container: FieldContainer): void {
    this.checkFields(level.indices, this.spec, container, level.groups);
    for (const index of sortedByTag(this.message, level.indices)) {
      const group = level.groups.get(this.message.tagAt(index));
      if (group === undefined) continue;
      for (const entry of group.entries) this.checkLevel(entry, group.def);
    }
  }

  /** The per-field checks; `container` undefined for header and trailer (no membership check). */
  private checkFields(
    indices: readonly number[],
    spec: SpecDictionary,
    container: FieldContainer | undefined,
    groups: ReadonlyMap<number, ParsedGroup> | undefined,
  ): void {
    const message = this.message;
    let previous = Number.NaN;
    for (const index of sortedByTag(message, indices)) {
      const tag = message.tagAt(index);
      if (tag === previous) fail(SessionRejectReason.TAG_APPEARS_MORE_THAN_ONCE, tag);
      previous = tag;
      if (message.valueLengthAt(index) === 0) fail(SessionRejectReason.TAG_SPECIFIED_WITHOUT_A_VALUE, tag);
      const def = this.dictionary.fieldDef(spec, tag);
      if (def === undefined) fail(SessionRejectReason.INVALID_TAG_NUMBER, tag);
      if (!hasFormat(message, index, def)) fail(SessionRejectReason.INCORRECT_DATA_FORMAT, tag);
      if (!hasAllowedValue(message, index, def)) fail(SessionRejectReason.VALUE_IS_INCORRECT, tag);
      if (container === undefined) continue;
      if (!this.isAllowed(container, tag)) fail(SessionRejectReason.TAG_NOT_DEFINED_FOR_MESSAGE_TYPE, tag);
      const group = groups?.get(tag);
      if (group !== undefined && message.intAt(index) !== group.entries.length) fail(SessionRejectReason.INCORRECT_NUMINGROUP_COUNT, tag);
    }
  }

  private isAllowed(container: FieldContainer, tag: number): boolean {
    return isMessageDef(container) ? this.dictionary.allows(container, tag) : container.fields.has(tag);
  }
}

function isMessageDef(container: FieldContainer): container is MessageDef {
  return 'msgType' in container;
}

function range(start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = start; i < end; i++) out.push(i);
  return out;
}

/** Indices ordered by tag, stable (insertion sort: levels hold a handful of fields). */
function sortedByTag(message: FixMessage, indices: readonly number[]): number[] {
  const out = indices.slice();
  for (let i = 1; i < out.length; i++) {
    const index = out[i] ?? 0;
    const tag = message.tagAt(index);
    let j = i - 1;
    while (j >= 0 && message.tagAt(out[j] ?? 0) > tag) {
      out[j + 1] = out[j] ?? 0;
      j--;
    }
    out[j + 1] = index;
  }
  return out;
}

/** null when the message is valid, otherwise the first fault in QuickFIX's order. */
export function validateMessage(message: FixMessage, dictionary: FixDictionary): ValidationFailure | null {
  try {
    new Validator(message, dictionary).run();
    return null;
  } catch (error) {
    if (error instanceof Fault) return error.failure;
    throw error;
  }
}

/**
 * The body as top-level units [start, end) in received order: a plain field, or a NumInGroup field
 * with all of its entries. An application that re-sends a body (the acceptance suite's echo) sorts
 * these units by tag to produce QuickFIX's field order without tearing groups apart.
 */
export function bodyUnits(message: FixMessage, dictionary: FixDictionary): [number, number][] {
  const validator = new Validator(message, dictionary);
  const def = dictionary.specFor(message.msgType).message(message.msgType);
  let indices: number[];
  let end: number;
  try {
    const { bodyStart, trailerStart } = validator.checkStructure();
    end = trailerStart;
    indices = def === undefined ? range(bodyStart, trailerStart) : validator.parseLevel(bodyStart, trailerStart, def).indices;
  } catch (error) {
    if (!(error instanceof Fault)) throw error;
    // Not a valid message: every field its own unit, header and trailer tags excluded by the caller.
    end = message.fieldCount - 1;
    indices = range(3, end);
  }
  return indices.map((start, k): [number, number] => [start, indices[k + 1] ?? end]);
}
