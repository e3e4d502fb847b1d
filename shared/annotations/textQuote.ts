import { QUOTE_CONTEXT_CHARS, type TextQuote } from './annotationTypes.ts';

/**
 * The quote for `text[start, end)`: the exact text and up to `context` characters either side
 * (W3C TextQuoteSelector). The context never splits a surrogate pair.
 */
export function makeTextQuote(
  text: string,
  start: number,
  end: number,
  context = QUOTE_CONTEXT_CHARS,
): TextQuote {
  if (start < 0 || end > text.length || end <= start)
    throw new RangeError('quote range outside the text');
  let prefixStart = Math.max(0, start - context);
  if (isLowSurrogate(text.charCodeAt(prefixStart)) && prefixStart > 0) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + context);
  if (isLowSurrogate(text.charCodeAt(suffixEnd)) && suffixEnd < text.length) suffixEnd -= 1;
  return {
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
