import type { TextEncodingName } from '../api/import.ts';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** False when the encoding was a guess the user may want to correct. */
  certain: boolean;
}

/**
 * Text from a CSV file as Excel and WPS save it: UTF-8 with or without BOM, UTF-16 (Unicode
 * text), or GB18030/GBK (Chinese Excel's "CSV"). A byte-order mark is certain; valid UTF-8 is
 * almost certainly UTF-8; anything else is read as GB18030, and the preview says it guessed.
 */
export function decodeText(bytes: Uint8Array, chosen?: TextEncodingName): DecodedText {
  if (chosen) {
    return {
      text: stripBom(new TextDecoder(chosen).decode(bytes)),
      encoding: chosen,
      certain: true,
    };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {
      text: new TextDecoder('utf-8').decode(bytes.subarray(3)),
      encoding: 'utf-8',
      certain: true,
    };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: new TextDecoder('utf-16le').decode(bytes.subarray(2)),
      encoding: 'utf-16le',
      certain: true,
    };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      text: new TextDecoder('utf-16be').decode(bytes.subarray(2)),
      encoding: 'utf-16be',
      certain: true,
    };
  }
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: 'utf-8',
      certain: true,
    };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', certain: false };
  }
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
