// SessionRejectReason (373) and BusinessRejectReason (380) with the texts QuickFIX puts in Text (58):
// counterparties and the acceptance suite compare these strings, so they are copied exactly.

export const SessionRejectReason = {
  INVALID_TAG_NUMBER: 0,
  REQUIRED_TAG_MISSING: 1,
  TAG_NOT_DEFINED_FOR_MESSAGE_TYPE: 2,
  UNDEFINED_TAG: 3,
  TAG_SPECIFIED_WITHOUT_A_VALUE: 4,
  VALUE_IS_INCORRECT: 5,
  INCORRECT_DATA_FORMAT: 6,
  DECRYPTION_PROBLEM: 7,
  SIGNATURE_PROBLEM: 8,
  COMPID_PROBLEM: 9,
  SENDINGTIME_ACCURACY_PROBLEM: 10,
  INVALID_MSGTYPE: 11,
  TAG_APPEARS_MORE_THAN_ONCE: 13,
  TAG_SPECIFIED_OUT_OF_REQUIRED_ORDER: 14,
  REPEATING_GROUP_FIELDS_OUT_OF_ORDER: 15,
  INCORRECT_NUMINGROUP_COUNT: 16,
  OTHER: 99,
} as const;

export type SessionRejectReason = (typeof SessionRejectReason)[keyof typeof SessionRejectReason];

const SESSION_REJECT_TEXT: Readonly<Partial<Record<SessionRejectReason, string>>> = {
  [SessionRejectReason.INVALID_TAG_NUMBER]: 'Invalid tag number',
  [SessionRejectReason.REQUIRED_TAG_MISSING]: 'Required tag missing',
  [SessionRejectReason.TAG_NOT_DEFINED_FOR_MESSAGE_TYPE]: 'Tag not defined for this message type',
  [SessionRejectReason.UNDEFINED_TAG]: 'Undefined Tag',
  [SessionRejectReason.TAG_SPECIFIED_WITHOUT_A_VALUE]: 'Tag specified without a value',
  [SessionRejectReason.VALUE_IS_INCORRECT]: 'Value is incorrect (out of range) for this tag',
  [SessionRejectReason.INCORRECT_DATA_FORMAT]: 'Incorrect data format for value',
  [SessionRejectReason.DECRYPTION_PROBLEM]: 'Decryption problem',
  [SessionRejectReason.SIGNATURE_PROBLEM]: 'Signature problem',
  [SessionRejectReason.COMPID_PROBLEM]: 'CompID problem',
  [SessionRejectReason.SENDINGTIME_ACCURACY_PROBLEM]: 'SendingTime accuracy problem',
  [SessionRejectReason.INVALID_MSGTYPE]: 'Invalid MsgType',
  [SessionRejectReason.TAG_APPEARS_MORE_THAN_ONCE]: 'Tag appears more than once',
  [SessionRejectReason.TAG_SPECIFIED_OUT_OF_REQUIRED_ORDER]: 'Tag specified out of required order',
  [SessionRejectReason.REPEATING_GROUP_FIELDS_OUT_OF_ORDER]: 'Repeating group fields out of order',
  [SessionRejectReason.INCORRECT_NUMINGROUP_COUNT]: 'Incorrect NumInGroup count for repeating group',
  [SessionRejectReason.OTHER]: 'Other',
};

export function sessionRejectText(reason: SessionRejectReason): string {
  return SESSION_REJECT_TEXT[reason] ?? 'Other';
}

export const BusinessRejectReason = {
  OTHER: 0,
  UNKNOWN_ID: 1,
  UNKNOWN_SECURITY: 2,
  UNSUPPORTED_MESSAGE_TYPE: 3,
  APPLICATION_NOT_AVAILABLE: 4,
  CONDITIONALLY_REQUIRED_FIELD_MISSING: 5,
  NOT_AUTHORIZED: 6,
  DELIVERTO_FIRM_NOT_AVAILABLE: 7,
} as const;

export type BusinessRejectReason = (typeof BusinessRejectReason)[keyof typeof BusinessRejectReason];

const BUSINESS_REJECT_TEXT: Readonly<Record<BusinessRejectReason, string>> = {
  [BusinessRejectReason.OTHER]: 'Other',
  [BusinessRejectReason.UNKNOWN_ID]: 'Unknown ID',
  [BusinessRejectReason.UNKNOWN_SECURITY]: 'Unknown Security',
  [BusinessRejectReason.UNSUPPORTED_MESSAGE_TYPE]: 'Unsupported Message Type',
  [BusinessRejectReason.APPLICATION_NOT_AVAILABLE]: 'Application Not Available',
  [BusinessRejectReason.CONDITIONALLY_REQUIRED_FIELD_MISSING]: 'Conditionally Required Field Missing',
  [BusinessRejectReason.NOT_AUTHORIZED]: 'Not authorized',
  [BusinessRejectReason.DELIVERTO_FIRM_NOT_AVAILABLE]: 'DeliverTo Firm Not Available At This Time',
};

export function businessRejectText(reason: BusinessRejectReason): string {
  return BUSINESS_REJECT_TEXT[reason];
}
