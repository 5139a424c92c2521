// FIX UTC timestamps (YYYYMMDD-HH:MM:SS[.sss]) to and from milliseconds since the epoch, by
// arithmetic on the civil calendar (Howard Hinnant's days_from_civil) instead of Date objects:
// SendingTime is stamped on and checked in every message.

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const DAY_MS = 86_400_000;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** `YYYYMMDD-HH:MM:SS.sss` (or without `.sss`) for a time in ms since the epoch. */
export function formatUtcTimestamp(ms: number, withMillis = true): string {
  const days = Math.floor(ms / DAY_MS);
  const msOfDay = ms - days * DAY_MS;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hours = Math.floor(msOfDay / 3_600_000);
  const minutes = Math.floor((msOfDay % 3_600_000) / 60_000);
  const seconds = Math.floor((msOfDay % 60_000) / 1000);
  const text = `${pad(year, 4)}${pad(month, 2)}${pad(day, 2)}-${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}`;
  return withMillis ? `${text}.${pad(msOfDay % 1000, 3)}` : text;
}

function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const code = text.charCodeAt(i) - 48;
    if (!(code >= 0 && code <= 9)) return -1; // also NaN past the end of the text
    value = value * 10 + code;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Milliseconds of a valid `YYYYMMDD` date, or NaN. */
export function parseUtcDate(text: string, start = 0): number {
  const year = digits(text, start, 4);
  const month = digits(text, start + 4, 2);
  const day = digits(text, start + 6, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  return daysFromCivil(year, month, day) * DAY_MS;
}

/** Milliseconds into the day of a valid `HH:MM:SS[.fraction]`, or NaN. Fractions of 1–9 digits. */
export function parseUtcTimeOnly(text: string, start = 0): number {
  const length = text.length - start;
  if (length < 8 || text[start + 2] !== ':' || text[start + 5] !== ':') return Number.NaN;
  const hours = digits(text, start, 2);
  const minutes = digits(text, start + 3, 2);
  const seconds = digits(text, start + 6, 2);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 60) return Number.NaN;
  let millis = 0;
  if (length > 8) {
    const fraction = length - 9;
    if (text[start + 8] !== '.' || fraction < 1 || fraction > 9) return Number.NaN;
    const value = digits(text, start + 9, fraction);
    if (value < 0) return Number.NaN;
    millis = Math.floor(value / 10 ** Math.max(0, fraction - 3)) * 10 ** Math.max(0, 3 - fraction);
  }
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
}

/** Milliseconds since the epoch of a valid `YYYYMMDD-HH:MM:SS[.fraction]`, or NaN. */
export function parseUtcTimestamp(text: string): number {
  if (text.length < 17 || text[8] !== '-') return Number.NaN;
  return parseUtcDate(text, 0) + parseUtcTimeOnly(text, 9);
}
