import { describe, expect, it } from 'vitest';
import { decodeText } from './decode.js';

describe('decodeText', () => {
  it('maps the Windows-1252 bytes that differ from Latin-1 to their characters', () => {
    const bytes = Uint8Array.from([0x80, 0x20, 0x85, 0x20, 0x96, 0x20, 0x99, 0x20, 0xe9]);
    expect(decodeText(bytes)).toEqual({ ok: true, text: '€ … – ™ é', note: 'not valid UTF-8; read as Windows-1252' });
  });

  it('refuses bytes that Windows-1252 leaves undefined', () => {
    expect(decodeText(Uint8Array.from([0x41, 0x81, 0x42]))).toEqual({
      ok: false,
      reason: 'not UTF-8 and not Windows-1252 text',
    });
  });

  it('prefers UTF-8 and drops its byte-order mark', () => {
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0xe2, 0x80, 0x9c, 0x41, 0xe2, 0x80, 0x9d]))).toEqual({
      ok: true,
      text: '“A”',
    });
  });

  it('reads big-endian UTF-16 and refuses an odd-length body', () => {
    expect(decodeText(Uint8Array.from([0xfe, 0xff, 0x00, 0x41, 0x20, 0xac]))).toEqual({ ok: true, text: 'A€' });
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x41]))).toMatchObject({ ok: false });
  });
});
