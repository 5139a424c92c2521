import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleExecutionReport, sampleNewOrderSingle, SAMPLE_SESSION_HEADER } from '../../bench/fix-samples.js';
import { checksum, FixEncoder, FixMessage, FrameDecoder, parseMessage, printable, type FixField } from '../../src/fix/codec.js';
import { defaultDictionaryPaths, loadFixDictionary } from '../../src/fix/dictionary.js';
import { FixError, FixErrorCode } from '../../src/fix/errors.js';
import { formatUtcTimestamp, parseUtcTimestamp } from '../../src/fix/utc-time.js';
import { validateMessage } from '../../src/fix/validator.js';

const dictionary = loadFixDictionary(defaultDictionaryPaths());

/** Replaces the value of the first field with this tag. */
function withField(bytes: Buffer, tag: number, value: string): Buffer {
  const text = bytes.toString('latin1');
  const start = text.indexOf(`\x01${tag}=`) + String(tag).length + 2;
  return Buffer.from(text.slice(0, start) + value + text.slice(text.indexOf('\x01', start)), 'latin1');
}

/** A frame from '|'-separated text, with 9 and 10 computed. */
function frame(body: string, beginString = 'FIXT.1.1'): Buffer {
  const text = body.replaceAll('|', '\x01');
  const head = `8=${beginString}\x019=${text.length}\x01`;
  const sum = checksum(Buffer.from(head + text, 'latin1'), 0, head.length + text.length);
  return Buffer.from(`${head}${text}10=${String(sum).padStart(3, '0')}\x01`, 'latin1');
}

function parsed(bytes: Buffer): FixMessage {
  const message = parseMessage(bytes, dictionary.codecTables);
  if (typeof message === 'number') throw new Error(`parse failed: ${message}`);
  return message;
}

function drain(decoder: FrameDecoder): string[] {
  const out: string[] = [];
  for (let next = decoder.next(); next !== null; next = decoder.next()) out.push(printable(next));
  return out;
}

const HEARTBEAT = frame('35=0|34=2|49=A|52=20260101-00:00:00.000|56=B|');

describe('encoder and parser', () => {
  it('round-trips header and body fields, with BodyLength and CheckSum right', () => {
    const encoder = new FixEncoder();
    const body: FixField[] = [
      [11, 'ORD-1'],
      [38, 125],
      [44, '65000.5'],
      [58, 'a=b c'],
      [-5, 0],
    ];
    const bytes = encoder.encode('FIXT.1.1', 'D', SAMPLE_SESSION_HEADER, body);
    const message = parsed(bytes);
    expect(message.msgType).toBe('D');
    expect(message.fields()).toEqual([
      [8, 'FIXT.1.1'],
      [9, String(bytes.indexOf('\x0110=') + 1 - (bytes.indexOf('\x0135=') + 1))],
      [35, 'D'],
      ...SAMPLE_SESSION_HEADER.map(([tag, value]) => [tag, String(value)]),
      ...body.map(([tag, value]) => [tag, String(value)]),
      [10, String(checksum(bytes, 0, bytes.indexOf('\x0110=') + 1)).padStart(3, '0')],
    ]);
    expect(message.msgSeqNum).toBe(12_345);
    expect(message.getInt(38)).toBe(125);
    expect(Number.isNaN(message.getInt(44))).toBe(true);
  });

  it('computes the CheckSum as the byte sum modulo 256, always three digits', () => {
    const text = '8=FIX.4.2\x019=5\x0135=0\x01';
    let sum = 0;
    for (let i = 0; i < text.length; i++) sum += text.charCodeAt(i);
    expect(checksum(Buffer.from(text, 'latin1'), 0, text.length)).toBe(sum % 256);
    const bytes = new FixEncoder().encode('FIXT.1.1', '0', [], []);
    expect(printable(bytes)).toMatch(/\|10=\d{3}\|$/);
  });

  it('returns the encoder buffer from encodeInto and a copy from encode', () => {
    const encoder = new FixEncoder();
    const view = encoder.encodeInto('FIXT.1.1', '8', SAMPLE_SESSION_HEADER, sampleExecutionReport());
    const copy = Buffer.from(view);
    encoder.encodeInto('FIXT.1.1', '0', [], []);
    expect(view.equals(copy)).toBe(false);
    expect(parsed(copy).get(17)).toBe('E-98765432');
  });

  it('refuses SOH inside a value, except in a length-prefixed data field', () => {
    const encoder = new FixEncoder(1024, dictionary.codecTables);
    expect(() => encoder.encode('FIXT.1.1', 'D', [], [[58, 'a\x01b']])).toThrow(FixError);
    const bytes = encoder.encode('FIXT.1.1', 'A', [], [
      [95, 3],
      [96, 'a\x01b'],
      [98, 0],
    ]);
    const message = parsed(bytes);
    expect(message.get(96)).toBe('a\x01b');
    expect(message.get(98)).toBe('0');
  });

  it('refuses to encode a message over the maximum size', () => {
    const encoder = new FixEncoder(256);
    expect(() => encoder.encode('FIXT.1.1', 'C', [], [[58, 'x'.repeat(300)]])).toThrow(expect.objectContaining({ code: FixErrorCode.MESSAGE_TOO_LARGE }));
  });

  it('rejects frames with a wrong BodyLength, a wrong CheckSum, a bad tag or the first fields out of order', () => {
    expect(parseMessage(withField(HEARTBEAT, 9, '7'))).toBe(FixErrorCode.BODY_LENGTH_MISMATCH);
    const declared = Number(parsed(HEARTBEAT).get(10));
    const wrongSum = withField(HEARTBEAT, 10, String((declared + 1) % 256).padStart(3, '0'));
    expect(parseMessage(wrongSum)).toBe(FixErrorCode.CHECKSUM_MISMATCH);
    expect(parseMessage(frame('35=0|34=2|4garbled9=TW|52=x|'))).toBe(FixErrorCode.GARBLED);
    expect(parseMessage(frame('34=2|35=0|49=A|'))).toBe(FixErrorCode.HEADER_ORDER);
    expect(parseMessage(Buffer.from('8=FIXT.1.1\x019=5\x0135=0\x0110=000', 'latin1'))).toBe(FixErrorCode.GARBLED);
  });

  it('reads negative and zero tags (the validator rejects them as invalid tag numbers)', () => {
    const message = parsed(frame('35=0|-1=HI|0=HO|'));
    expect(message.tagAt(3)).toBe(-1);
    expect(message.tagAt(4)).toBe(0);
  });
});

describe('frame decoder', () => {
  it('skips garbage before 8=FIX and splits several frames in one chunk', () => {
    const decoder = new FrameDecoder();
    decoder.push(Buffer.concat([Buffer.from('garbage 35=0|'), HEARTBEAT, HEARTBEAT]));
    expect(drain(decoder)).toEqual([printable(HEARTBEAT), printable(HEARTBEAT)]);
    expect(decoder.error).toBe(0);
  });

  it('waits for a truncated frame and completes it byte by byte', () => {
    const decoder = new FrameDecoder();
    const out: string[] = [];
    for (const byte of Buffer.concat([HEARTBEAT, HEARTBEAT])) {
      decoder.push(Buffer.from([byte]));
      out.push(...drain(decoder));
    }
    expect(out).toEqual([printable(HEARTBEAT), printable(HEARTBEAT)]);
    expect(decoder.bufferedBytes).toBe(0);
  });

  it('frames like QuickFIX when BodyLength is wrong: short ends at the next CheckSum, long swallows the next message', () => {
    const short = withField(HEARTBEAT, 9, '10');
    const long = withField(HEARTBEAT, 9, '60');
    const decoder = new FrameDecoder();
    decoder.push(Buffer.concat([short, HEARTBEAT]));
    expect(drain(decoder)).toEqual([printable(short), printable(HEARTBEAT)]);
    decoder.push(Buffer.concat([long, HEARTBEAT, HEARTBEAT]));
    expect(drain(decoder)).toEqual([printable(Buffer.concat([long, HEARTBEAT])), printable(HEARTBEAT)]);
  });

  it('stops on a declared BodyLength over the maximum', () => {
    const decoder = new FrameDecoder(1024);
    decoder.push(Buffer.from('8=FIXT.1.1\x019=999999\x0135=0\x01', 'latin1'));
    expect(decoder.next()).toBeNull();
    expect(decoder.error).toBe(FixErrorCode.MESSAGE_TOO_LARGE);
    decoder.push(HEARTBEAT);
    expect(decoder.next()).toBeNull();
  });

  it('stops on a frame whose CheckSum never comes within the maximum', () => {
    const decoder = new FrameDecoder(1024);
    decoder.push(Buffer.from('8=FIXT.1.1\x019=10\x0135=0\x01', 'latin1'));
    for (let i = 0; i < 20 && decoder.error === 0; i++) {
      decoder.push(Buffer.alloc(100, 0x41));
      expect(decoder.next()).toBeNull();
    }
    expect(decoder.error).toBe(FixErrorCode.MESSAGE_TOO_LARGE);
  });

  it('keeps its buffer bounded on endless garbage', () => {
    const decoder = new FrameDecoder(1024);
    for (let i = 0; i < 1000; i++) {
      decoder.push(Buffer.alloc(4096, 0x38)); // '8' forever, never "8=FIX"
      expect(decoder.next()).toBeNull();
    }
    expect(decoder.bufferedBytes).toBeLessThan(8);
    expect(decoder.error).toBe(0);
  });

  it('never throws and stays bounded on random bytes mixed with valid frames', () => {
    const chunk = fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.constant(new Uint8Array(HEARTBEAT)), fc.constant(new Uint8Array(Buffer.from('8=FIXT.1.1\x019='))));
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 40 }), (chunks) => {
        const decoder = new FrameDecoder(2048);
        for (const bytes of chunks) {
          decoder.push(bytes);
          for (let next = decoder.next(); next !== null; next = decoder.next()) {
            const message = parseMessage(Buffer.from(next), dictionary.codecTables);
            if (typeof message !== 'number') validateMessage(message, dictionary);
          }
          expect(decoder.bufferedBytes).toBeLessThanOrEqual(2048 + 64 + 300);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on mutations of a valid message', () => {
    const base = sampleNewOrderSingle();
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), (edits) => {
        const bytes = Buffer.from(base);
        for (const [at, value] of edits) bytes[at] = value;
        const message = parseMessage(bytes, dictionary.codecTables);
        if (typeof message !== 'number') validateMessage(message, dictionary);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('bench samples', () => {
  it('the NewOrderSingle sample is a valid FIX 5.0 SP2 message', () => {
    const message = parsed(sampleNewOrderSingle());
    expect(validateMessage(message, dictionary)).toBeNull();
    expect(message.get(55)).toBe('BTC-USD');
  });
});

describe('UTC timestamps', () => {
  it('formats and parses with milliseconds, across leap days and the epoch', () => {
    for (const ms of [0, 951_782_400_000 + 123, 1_709_164_800_999, 4_102_444_799_999]) {
      expect(parseUtcTimestamp(formatUtcTimestamp(ms))).toBe(ms);
      expect(formatUtcTimestamp(ms)).toBe(new Date(ms).toISOString().replace(/[-]/g, '').replace('T', '-').replace('Z', '').slice(0, 21));
    }
    expect(formatUtcTimestamp(1_709_164_800_999, false)).toBe('20240229-00:00:00');
  });

  it('refuses impossible dates and malformed times', () => {
    for (const text of ['20230229-00:00:00', '20240431-00:00:00', '20240101-24:00:00', '20240101-00:60:00', '20240101 00:00:00', '20040415', '20240101-00:00:00.', '20240101-00:00:00.1234567890']) {
      expect(Number.isNaN(parseUtcTimestamp(text))).toBe(true);
    }
    expect(parseUtcTimestamp('20240101-00:00:00.5')).toBe(Date.UTC(2024, 0, 1) + 500);
    expect(parseUtcTimestamp('20240101-00:00:00.123456')).toBe(Date.UTC(2024, 0, 1) + 123);
  });
});
