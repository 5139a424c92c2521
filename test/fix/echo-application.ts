// The application behind the session for the acceptance suite (README of the scripts; QuickFIX's
// own test application): NewOrderSingle, SecurityDefinition and Email come back as new messages
// with the same body; a PossResend NewOrderSingle whose ClOrdID was already seen on this session
// is dropped; anything else is refused as an unsupported message type. The body goes out in
// QuickFIX's order (ascending tags, a group kept behind its NumInGroup field), received header
// fields other than the session's own are copied, as QuickFIX's echo copies the whole message.
import type { FixField, FixMessage } from '../../src/fix/codec.js';
import { TAG_HEADER, TAG_TABLE_SIZE, type FixDictionary } from '../../src/fix/dictionary.js';
import { BusinessRejectReason } from '../../src/fix/reasons.js';
import type { FixApplication, FixSessionHandle } from '../../src/fix/session-types.js';
import { bodyUnits } from '../../src/fix/validator.js';

const ECHOED = new Set(['D', 'd', 'C']);

function echo(session: FixSessionHandle, message: FixMessage, dictionary: FixDictionary): void {
  const flags = dictionary.codecTables.flags;
  const header: FixField[] = [];
  for (let i = 3; i < message.fieldCount; i++) {
    const tag = message.tagAt(i);
    if (tag > 0 && tag < TAG_TABLE_SIZE && ((flags[tag] ?? 0) & TAG_HEADER) !== 0) header.push([tag, message.valueAt(i)]);
  }
  const units = bodyUnits(message, dictionary).sort((a, b) => message.tagAt(a[0]) - message.tagAt(b[0]));
  const body: FixField[] = [];
  for (const [start, end] of units) for (let i = start; i < end; i++) body.push([message.tagAt(i), message.valueAt(i)]);
  session.send(message.msgType, body, { header });
}

export function createEchoApplication(dictionary: FixDictionary): FixApplication {
  const seenClOrdIds = new Map<string, Set<string>>();
  return {
    onMessage(session, message) {
      if (!ECHOED.has(message.msgType)) {
        session.businessReject(message, BusinessRejectReason.UNSUPPORTED_MESSAGE_TYPE);
        return;
      }
      if (message.msgType === 'D') {
        const clOrdId = message.get(11) ?? '';
        let seen = seenClOrdIds.get(session.key);
        if (seen === undefined) {
          seen = new Set();
          seenClOrdIds.set(session.key, seen);
        }
        if (message.get(97) === 'Y' && seen.has(clOrdId)) return;
        seen.add(clOrdId);
      }
      echo(session, message, dictionary);
    },
    onDisconnect(session) {
      seenClOrdIds.delete(session.key);
    },
  };
}
