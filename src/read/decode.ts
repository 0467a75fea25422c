// Bytes to text. Inputs are UTF-8 nearly always; old newsroom exports are often Windows-1252, and
// reading those as UTF-8 would silently turn every curly quote into U+FFFD. So: strict UTF-8 first,
// Windows-1252 only when the bytes could plausibly be text, and anything else is refused by name.

export type Decoded = { ok: true; text: string; note?: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
// Node 20's TextDecoder('windows-1252') decodes as Latin-1, which turns 0x80–0x9F (the curly
// quotes, dashes and euro sign that make a file 1252 in the first place) into invisible C1
// controls. So those 32 bytes are mapped here; every other byte is the same in both encodings.
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeText(bytes: Uint8Array): Decoded {
  const utf16 = utf16Encoding(bytes);
  if (utf16) return decodeUtf16(bytes, utf16);
  if (bytes.includes(0)) {
    const unmarked = unmarkedUtf16(bytes);
    if (!unmarked) return { ok: false, reason: 'binary file (NUL bytes)' };
    const decoded = decodeUtf16(bytes, unmarked);
    return decoded.ok && mostlyText(decoded.text)
      ? {
          ...decoded,
          note: `no byte-order mark; read as ${unmarked.toUpperCase()} (NUL bytes at alternating positions)`,
        }
      : { ok: false, reason: 'binary file (NUL bytes)' };
  }
  try {
    // The decoder drops a leading UTF-8 byte-order mark itself.
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    if (!couldBeWindows1252Text(bytes)) return { ok: false, reason: 'not UTF-8 and not Windows-1252 text' };
    return { ok: true, text: decodeWindows1252(bytes), note: 'not valid UTF-8; read as Windows-1252' };
  }
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * UTF-16 written without a byte-order mark (some Windows tools do): text in Latin scripts then has
 * a NUL in every other byte, high bytes in UTF-16BE and low ones in UTF-16LE, and binary data does
 * not. Judged on the first 4 KB; the decoder then checks the whole file.
 */
export function unmarkedUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const pairs = sample / 2;
  if (oddNuls >= pairs * 0.3 && evenNuls <= pairs * 0.02) return 'utf-16le';
  if (evenNuls >= pairs * 0.3 && oddNuls <= pairs * 0.02) return 'utf-16be';
  return undefined;
}

/** Fewer than 1 % control characters (other than tab, line breaks and form feed): binary data has more. */
function mostlyText(text: string): boolean {
  const controls = text.match(/[\u0000-\u0008\u000b\u000e-\u001f]/g)?.length ?? 0;
  return controls <= text.length / 100;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    return {
      ok: false,
      reason: `starts with a ${encoding.toUpperCase()} byte-order mark but is not ${encoding.toUpperCase()} text`,
    };
  }
}

/**
 * Windows-1252 assigns a character to almost every byte, so any binary would "decode". Text never
 * contains C0 control bytes other than tab, newline, form feed and carriage return (and escape, which
 * some old terminals wrote), nor the five bytes 1252 leaves undefined.
 */
function couldBeWindows1252Text(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) return false;
    if (byte === 0x7f || byte === 0x81 || byte === 0x8d || byte === 0x8f || byte === 0x90 || byte === 0x9d)
      return false;
  }
  return true;
}

function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  bytes.forEach((byte, i) => {
    units[i] = byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(byte - 0x80) : byte;
  });
  return new TextDecoder('utf-16le').decode(units);
}
