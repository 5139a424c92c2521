// The WebSocket API's frames (proto/kapita/v1/kapita.proto): one Envelope per frame, as protobuf
// bytes (binary frames) or as proto3 JSON text (text frames). Encoding and decoding use the static
// code that `npm run proto:gen` writes to ./pb/; the JSON mapping is protobufjs's ProtoJSON over a
// reflected root built from the schema's descriptor (also in ./pb/), which rejects unknown fields
// and wrong types.
//
// Every decoder bounds its input (MAX_FRAME_BYTES) and throws only WireError: garbage, a truncated
// message, an oversized frame or a JSON document that does not fit the schema is refused with a
// reason, never a crash. Encoders refuse to produce a frame larger than the decoders accept; they
// trust their input's types (EnvelopeInput), as protobufjs's static encoders do, and do not check them.
//
// 64-bit integers (ids, seqs, times) are JS numbers. Importing this module turns off protobufjs's
// optional Long support for the whole process (`util.Long = undefined; configure()`), so that the
// decoders yield numbers; values above 2^53 lose precision, and the venue never makes such ids.
import './long-off.js';
import protobuf, { type Type } from 'protobufjs/light.js';
import protojson from 'protobufjs/ext/protojson.js';
import { kapita } from './pb/kapita.js';
import descriptor from './pb/kapita-descriptor.js';

// long-off.js ran before the generated code; configure again for what light.js built since.
(protobuf.util as { Long: unknown }).Long = undefined;
protobuf.configure();

/** The schema's reflected Envelope type (protobufjs reflection), which the JSON mapping walks. */
export const envelopeSchema: Type = protobuf.Root.fromJSON(descriptor).resolveAll().lookupType('kapita.v1.Envelope');

/** The generated namespace: message classes, enums and their types (`kapita.v1.PlaceOrder.$Properties`). */
export { kapita };
/** The generated message classes and enums, for short: `pb.Side.SIDE_BUY`. */
export const pb = kapita.v1;

/** A decoded frame: the generated class, narrowed by its `body` (the oneof case). */
export type Envelope = kapita.v1.Envelope & kapita.v1.Envelope.$Shape;
/** What the encoders accept: a decoded Envelope or a plain object of the same shape. */
export type EnvelopeInput = kapita.v1.Envelope.$Properties;
/** The name of the message an Envelope carries. */
export type EnvelopeBody = NonNullable<kapita.v1.Envelope['body']>;

/** The largest frame, binary or JSON (UTF-8 bytes), that the codecs accept or produce. */
export const MAX_FRAME_BYTES = 64 * 1024;

export type WireErrorReason =
  /** Larger than MAX_FRAME_BYTES. */
  | 'too_large'
  /** Binary: not a valid protobuf Envelope (bad tag or wire type, truncated, length past the end). */
  | 'malformed'
  /** Text: not JSON. */
  | 'not_json'
  /** Text: JSON that names a field the schema does not have. */
  | 'unknown_field'
  /** Text: JSON that does not fit the schema (a wrong type, an unknown enum name, two bodies, …); or an encoder that failed on its input. */
  | 'invalid'
  /** A well-formed Envelope that carries no message. */
  | 'no_body';

/** The only error the codecs throw, whatever their input. */
export class WireError extends Error {
  override readonly name = 'WireError';
  constructor(
    readonly reason: WireErrorReason,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const { Envelope: EnvelopeClass } = kapita.v1;

function detail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** UTF-8 length of a string, computed only when the cheap bounds (1..3 bytes per UTF-16 unit) do not decide. */
function utf8Exceeds(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return Buffer.byteLength(text, 'utf8') > limit;
}

function withBody(envelope: Envelope): Envelope {
  if (envelope.body === undefined) throw new WireError('no_body', 'the envelope carries no message');
  return envelope;
}

/** The protobuf bytes of one frame. Throws WireError('too_large') past MAX_FRAME_BYTES. */
export function encodeEnvelope(message: EnvelopeInput): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = EnvelopeClass.encode(message).finish();
  } catch (error) {
    throw new WireError('invalid', `cannot encode the envelope: ${detail(error)}`, { cause: error });
  }
  if (bytes.length > MAX_FRAME_BYTES) throw new WireError('too_large', `encoded envelope is ${bytes.length} bytes, more than ${MAX_FRAME_BYTES}`);
  return bytes;
}

/**
 * One binary frame. Unknown fields are kept (a newer peer may send them) but a frame must carry a
 * message. Throws WireError: too_large, malformed or no_body.
 */
export function decodeEnvelope(bytes: Uint8Array): Envelope {
  if (bytes.length > MAX_FRAME_BYTES) throw new WireError('too_large', `frame is ${bytes.length} bytes, more than ${MAX_FRAME_BYTES}`);
  let envelope: Envelope;
  try {
    envelope = EnvelopeClass.decode(bytes);
  } catch (error) {
    throw new WireError('malformed', `not a protobuf Envelope: ${detail(error)}`, { cause: error });
  }
  return withBody(envelope);
}

/** The proto3 JSON text of one frame. Throws WireError('too_large') past MAX_FRAME_BYTES. */
export function envelopeToJson(message: EnvelopeInput): string {
  let text: string;
  try {
    text = JSON.stringify(protojson.toJson(envelopeSchema, message));
  } catch (error) {
    throw new WireError('invalid', `cannot write the envelope as JSON: ${detail(error)}`, { cause: error });
  }
  if (utf8Exceeds(text, MAX_FRAME_BYTES)) throw new WireError('too_large', `JSON envelope is more than ${MAX_FRAME_BYTES} bytes`);
  return text;
}

/**
 * One text frame in proto3 JSON: lowerCamelCase (or the proto's snake_case) field names, enums by
 * name or number, 64-bit integers as strings or numbers. Unknown fields, wrong types and two
 * messages in one envelope are refused; of a duplicate key the last value counts, as in
 * JSON.parse. Throws WireError: too_large, not_json, unknown_field, invalid or no_body.
 */
export function envelopeFromJson(text: string): Envelope {
  if (utf8Exceeds(text, MAX_FRAME_BYTES)) throw new WireError('too_large', `JSON frame is more than ${MAX_FRAME_BYTES} bytes`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new WireError('not_json', `not JSON: ${detail(error)}`, { cause: error });
  }
  let envelope: Envelope;
  try {
    // Not fromJsonString: it scans the text for duplicate keys before parsing it again. Here a
    // duplicate key is JSON.parse's (the last one wins), and what survives must fit the schema.
    const checked = protojson.fromJson(envelopeSchema, parsed);
    envelope = EnvelopeClass.fromObject(checked) as Envelope;
  } catch (error) {
    const message = detail(error);
    throw new WireError(message.includes('unknown field') ? 'unknown_field' : 'invalid', `not a JSON Envelope: ${message}`, { cause: error });
  }
  return withBody(envelope);
}

/**
 * A uint64 field's value, exact on the wire in both formats: protobufjs writes a {low, high}
 * object's bits as they are (binary) and its String() (proto3 JSON), where a JS number above 2^53
 * would already have lost the low bits. For nanosecond times (ns since the epoch are about 2^60).
 */
export function exactUint64(value: bigint): number {
  const bits = { low: Number(value & 0xffff_ffffn) | 0, high: Number((value >> 32n) & 0xffff_ffffn) | 0, unsigned: true, toString: () => value.toString(), valueOf: () => Number(value) };
  return bits as unknown as number;
}
