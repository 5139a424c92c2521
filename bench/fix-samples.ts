// Samples for the FIX codec micro-benchmarks (wired into bench/ by the bench runner's owner):
//   parse:  parseMessage(sampleNewOrderSingle(), dictionary.codecTables), optionally followed by
//           validateMessage(message, dictionary) to include dictionary validation;
//   encode: new FixEncoder().encodeInto('FIXT.1.1', '8', SAMPLE_SESSION_HEADER, sampleExecutionReport())
//           (encodeInto reuses the encoder's buffer; encode() adds the one copy a session makes).
import { FixEncoder, type FixField } from '../src/fix/codec.js';

/** The header a session adds (34, 49, 52, 56), sorted by tag as the session sorts it. */
export const SAMPLE_SESSION_HEADER: readonly FixField[] = [
  [34, 12_345],
  [49, 'KAPITA'],
  [52, '20260115-14:30:00.123'],
  [56, 'CLIENT01'],
];

/** A complete NewOrderSingle frame (limit buy, GTC, with Parties), as a client sends it. */
export function sampleNewOrderSingle(): Buffer {
  return new FixEncoder().encode(
    'FIXT.1.1',
    'D',
    [
      [34, 4_321],
      [49, 'CLIENT01'],
      [52, '20260115-14:30:00.120'],
      [56, 'KAPITA'],
    ],
    [
      [1, 'ACC-1001'],
      [11, 'ORD-20260115-000042'],
      [38, '1.2500'],
      [40, '2'],
      [44, '65012.50'],
      [54, '1'],
      [55, 'BTC-USD'],
      [59, '1'],
      [60, '20260115-14:30:00.119'],
      [453, 1],
      [448, 'TRADER7'],
      [447, 'D'],
      [452, 11],
    ],
  );
}

/** The body of a partial-fill ExecutionReport, in the order the gateway writes it. */
export function sampleExecutionReport(): FixField[] {
  return [
    [6, '65012.50'],
    [11, 'ORD-20260115-000042'],
    [14, '0.5000'],
    [17, 'E-98765432'],
    [31, '65012.50'],
    [32, '0.5000'],
    [37, 'O-1234567'],
    [38, '1.2500'],
    [39, '1'],
    [40, '2'],
    [44, '65012.50'],
    [54, '1'],
    [55, 'BTC-USD'],
    [59, '1'],
    [60, '20260115-14:30:00.125'],
    [150, 'F'],
    [151, '0.7500'],
  ];
}
