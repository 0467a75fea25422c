// Types of web/date-words.js for the server's TypeScript (the page uses the module as it is).
export function timexInWords(value: string, options?: { weekday?: boolean }): string;
export function evidenceInWords(text: string): string;
export const DAY_MS: number;
export const MONTH_NAMES: readonly string[];
export const WEEKDAY_NAMES: readonly string[];
