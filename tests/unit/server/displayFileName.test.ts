import { describe, expect, it } from 'vitest';
import { displayFileName } from '../../../server/src/http/displayFileName.ts';

describe('displayFileName', () => {
  it.each([
    ['Tờ trình.pdf', 'Tờ trình.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\win.ini', 'win.ini'],
    ['/absolute/path/a.pdf', 'a.pdf'],
    ['C:\\Users\\x\\b.pdf', 'b.pdf'],
    ['a\u0000b\u001f.pdf', 'ab.pdf'],
    ['..', 'document.pdf'],
    ['dir/', 'document.pdf'],
    ['   ', 'document.pdf'],
  ])('%j → %j', (raw, expected) => {
    expect(displayFileName(raw)).toBe(expected);
  });

  it('defaults when absent and caps the length', () => {
    expect(displayFileName(null)).toBe('document.pdf');
    expect(displayFileName('x'.repeat(1000))).toHaveLength(255);
  });
});
