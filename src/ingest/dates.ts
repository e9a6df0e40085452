const months: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number) => String(n).padStart(2, '0');

/** A date value read: the calendar day it names, or why it names none (null when there was no value). */
export interface DateReading {
  date: string | null;
  problem: string | null;
}

// YYYY-MM-DD when the parts make a real calendar day, else why they do not.
function day(year: number, month: number, date: number): DateReading {
  const refused = (problem: string): DateReading => ({ date: null, problem });
  if (year < 1000 || year > 2999) return refused(`the year ${year} is out of range`);
  if (month < 1 || month > 12) return refused(`there is no month ${month}`);
  if (date < 1) return refused(`there is no day ${date}`);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (date > last) return refused(`${monthNames[month - 1] ?? month} ${year} has ${last} days`);
  return { date: `${year}-${pad(month)}-${pad(date)}`, problem: null };
}

/**
 * Reads a date string as `isoDate` does, saying why when it names no calendar day (`2024-02-30`: "February 2024
 * has 29 days"; `yesterday`: not a date). An absent or blank value is no date and no problem.
 */
export function readDate(value: string | null | undefined): DateReading {
  const v = value?.trim() ?? '';
  if (v === '') return { date: null, problem: null };
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?![\d])/.exec(v);
  if (iso) return day(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const pdf = /^D:(\d{4})(\d{2})(\d{2})/.exec(v);
  if (pdf) return day(Number(pdf[1]), Number(pdf[2]), Number(pdf[3]));
  const rfc = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{2,4})\b/.exec(v);
  if (rfc) {
    const month = months[(rfc[2] ?? '').toLowerCase()];
    const year = Number(rfc[3]);
    if (month) return day(year < 100 ? 2000 + year : year, month, Number(rfc[1]));
    return { date: null, problem: `"${rfc[2]}" is not a month` };
  }
  return {
    date: null,
    problem: 'not a date Puente reads (YYYY-MM-DD, an ISO 8601 time or an RFC 822 date)',
  };
}

/**
 * The calendar day a date string names, as YYYY-MM-DD, or null when it names none. Takes ISO 8601
 * (`2024-11-14T10:00:00-05:00`: the day as written, not moved to UTC), `2024/11/14`, RFC 822 feed dates
 * (`Thu, 14 Nov 2024 10:00:00 GMT`) and PDF dates (`D:20241114...`). Invalid days (`2024-02-30`) are null.
 */
export function isoDate(value: string | null | undefined): string | null {
  return readDate(value).date;
}
