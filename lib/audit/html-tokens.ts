// The HTML tokenizer of the CLI's light DOM (html-document.ts). Saved billing pages run to
// megabytes; a tokenizer that finds each tag with indexOf and sticky regular expressions (native
// code from the first call) does in a third of the time what a character-by-character state
// machine does. It follows the HTML standard's tokenizer where a saved page can differ: quoted
// attribute values, raw text (script, style, xmp) and escapable raw text (title, textarea),
// comments and bogus comments, and a tag cut off by the end of the file is dropped.
import { decodeHTML, decodeHTMLAttribute } from 'entities';

export interface TokenSink {
  /** A start tag; `selfClosing` when it ended with "/>". */
  open(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  text(data: string): void;
  /** Whether a start tag of this name opens raw text here (not in SVG or MathML). */
  rawText(name: string): boolean;
}

/** A tag without attributes gets this one frozen object: most cells have none. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

const RAW = new Set(['script', 'style', 'xmp']);
const ESCAPABLE_RAW = new Set(['title', 'textarea']);

// After "<" and a letter: the rest of the tag name. Names end at whitespace, "/" or ">".
const NAME = /[^\t\n\f\r />]*/y;
// One step inside a tag: an attribute (a name, maybe "=" and a value), a "/", or the closing ">".
// A quoted value's closing quote is captured apart: without it the file ends inside the tag.
const STEP = /[\t\n\f\r ]*(?:([^\t\n\f\r />][^\t\n\f\r />=]*)(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)(")?|'([^']*)(')?|([^\t\n\f\r >]*)))?|(\/)|(>))/y;
const SPACE_THEN_GT = /[\t\n\f\r ]*>/y;
const LETTER = /[A-Za-z]/;
const rawEnds = new Map<string, RegExp>();

// One string per tag name: every element keeps its name, and 280,000 copies of "td" would each
// be one more object for the collector to move. Names of up to four ASCII characters (td, tr,
// div, span...) are found by a number made of their characters, without cutting a string out.
const tagNames = new Map<string, string>();
const shortNames = new Map<number, string>();
function tagName(raw: string): string {
  let name = tagNames.get(raw);
  if (name === undefined) {
    name = raw.toLowerCase();
    if (tagNames.size < 1000) tagNames.set(raw, name);
  }
  return name;
}

/** Where the name read by nameAt ended. */
let afterName = 0;

/** The tag name that starts at `at` (a letter), lower-cased; `afterName` is set to the index after it. */
function nameAt(html: string, at: number): string {
  NAME.lastIndex = at + 1;
  NAME.test(html);
  const end = (afterName = NAME.lastIndex);
  if (end - at > 4) return tagName(html.slice(at, end));
  let key = 1;
  for (let i = at; i < end; i++) {
    const c = html.charCodeAt(i);
    if (c > 127) return tagName(html.slice(at, end));
    key = key * 128 + c;
  }
  let name = shortNames.get(key);
  if (name === undefined) {
    name = tagName(html.slice(at, end));
    if (shortNames.size < 1000) shortNames.set(key, name);
  }
  return name;
}

function decodeText(text: string): string {
  return text.includes('&') ? decodeHTML(text) : text;
}

function decodeValue(value: string): string {
  return value.includes('&') ? decodeHTMLAttribute(value) : value;
}

interface TagEnd {
  /** The index after ">", or -1 when the file ends inside the tag. */
  end: number;
  selfClosing: boolean;
  /** Null when the tag has none (or they were not asked for). */
  attributes: Record<string, string> | null;
}

function readAttributes(html: string, from: number, collect: boolean): TagEnd {
  let at = from;
  let attributes: Record<string, string> | null = null;
  for (;;) {
    STEP.lastIndex = at;
    const m = STEP.exec(html);
    if (!m) return { end: -1, selfClosing: false, attributes };
    at = STEP.lastIndex;
    if (m[8] !== undefined) return { end: at, selfClosing: false, attributes };
    if (m[7] !== undefined) {
      // "/" then ">" (whitespace between allowed) closes the tag as self-closing; else it is ignored.
      SPACE_THEN_GT.lastIndex = at;
      if (SPACE_THEN_GT.test(html)) return { end: SPACE_THEN_GT.lastIndex, selfClosing: true, attributes };
      continue;
    }
    const quoted = m[2] ?? m[4];
    if (quoted !== undefined && (m[2] !== undefined ? m[3] : m[5]) === undefined) return { end: -1, selfClosing: false, attributes };
    if (collect) {
      const name = m[1]!.toLowerCase();
      attributes ??= {};
      // The first of two attributes of one name wins, as in a browser.
      if (!Object.hasOwn(attributes, name)) attributes[name] = decodeValue(quoted ?? m[6] ?? '');
    }
  }
}

// Rows repeat their cells' attributes (role="cell" class="c" ten thousand times): a start tag's
// text up to its first ">" that was read before gives the same attributes again, one shared frozen
// object. Only texts that did end the tag there are kept (a ">" inside quotes does not), and only
// from their second time: a tag seen once (a link to each invoice) would be kept for nothing, and
// ten thousand of them are objects the collector moves.
const seenTags = new Map<string, TagEnd>();
const seenOnce = new Set<string>();
const SEEN_LIMIT = 20_000;
const ONCE_LIMIT = 1000;
const SEEN_LONGEST = 200;

/** Where the tag startTagRest read ends: the index after its ">", or -1 when the file ends inside it. */
let tagEnd = 0;
const NOTHING_MORE: TagEnd = Object.freeze({ end: 0, selfClosing: false, attributes: null });

/** After a start tag's name: its attributes (`tagEnd` is set to where it ends; ignore the result's `end`). */
function startTagRest(html: string, from: number): TagEnd {
  if (html.charCodeAt(from) === 62 /* > */) {
    tagEnd = from + 1;
    return NOTHING_MORE;
  }
  const gt = html.indexOf('>', from);
  const text = gt > from && gt - from <= SEEN_LONGEST ? html.slice(from, gt) : null;
  const seen = text === null ? undefined : seenTags.get(text);
  if (seen) {
    tagEnd = gt + 1;
    return seen;
  }
  const read = readAttributes(html, from, true);
  tagEnd = read.end;
  if (text !== null && read.end === gt + 1 && seenTags.size < SEEN_LIMIT) {
    if (seenOnce.has(text)) {
      if (read.attributes) Object.freeze(read.attributes);
      seenTags.set(text, read);
    } else {
      if (seenOnce.size >= ONCE_LIMIT) seenOnce.clear();
      seenOnce.add(text);
    }
  }
  return read;
}

/** Index after the next ">" from `from` (a comment-like run), or the end of the file. */
function skipPast(html: string, needle: string, from: number): number {
  const at = html.indexOf(needle, from);
  return at < 0 ? html.length : at + needle.length;
}

export function tokenizeHtml(html: string, sink: TokenSink): void {
  let pos = 0;
  const n = html.length;
  while (pos < n) {
    const lt = html.indexOf('<', pos);
    if (lt < 0) {
      sink.text(decodeText(html.slice(pos)));
      return;
    }
    const next = html.charAt(lt + 1);
    if (LETTER.test(next)) {
      if (lt > pos) sink.text(decodeText(html.slice(pos, lt)));
      const name = nameAt(html, lt + 1);
      const { selfClosing, attributes } = startTagRest(html, afterName);
      const end = tagEnd;
      if (end < 0) return; // the file ends inside the tag: a browser drops it
      // Asked before the tag opens: an SVG <title> is an ordinary element, an HTML one is not.
      const raw = (RAW.has(name) || ESCAPABLE_RAW.has(name)) && sink.rawText(name);
      sink.open(name, attributes ?? NO_ATTRIBUTES, selfClosing);
      pos = end;
      if (raw) {
        let re = rawEnds.get(name);
        if (!re) rawEnds.set(name, (re = new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'gi')));
        re.lastIndex = pos;
        const close = re.exec(html);
        const stop = close ? close.index : n;
        if (stop > pos) sink.text(ESCAPABLE_RAW.has(name) ? decodeText(html.slice(pos, stop)) : html.slice(pos, stop));
        pos = stop; // the end tag is read as any other
      }
      continue;
    }
    if (next === '/') {
      const after = html.charAt(lt + 2);
      if (LETTER.test(after)) {
        if (lt > pos) sink.text(decodeText(html.slice(pos, lt)));
        const name = nameAt(html, lt + 2);
        // "</td>": nothing after the name (else what an end tag holds is read and dropped).
        const end = html.charCodeAt(afterName) === 62 /* > */ ? afterName + 1 : readAttributes(html, afterName, false).end;
        if (end < 0) return;
        sink.close(name);
        pos = end;
        continue;
      }
      if (after === '>') {
        // "</>" is dropped.
        if (lt > pos) sink.text(decodeText(html.slice(pos, lt)));
        pos = lt + 3;
        continue;
      }
      if (after !== '') {
        // "</" and anything else opens a bogus comment, up to ">".
        if (lt > pos) sink.text(decodeText(html.slice(pos, lt)));
        pos = skipPast(html, '>', lt + 2);
        continue;
      }
    }
    if (next === '!' || next === '?') {
      if (lt > pos) sink.text(decodeText(html.slice(pos, lt)));
      if (html.startsWith('<!--', lt)) {
        // "<!-->" and "<!--->" are empty comments; else up to "-->".
        const body = lt + 4;
        if (html.startsWith('>', body)) pos = body + 1;
        else if (html.startsWith('->', body)) pos = body + 2;
        else pos = skipPast(html, '-->', body);
      } else {
        // A doctype, a processing instruction or another declaration: up to ">".
        pos = skipPast(html, '>', lt + 2);
      }
      continue;
    }
    // A "<" that opens no tag is text.
    const more = html.indexOf('<', lt + 1);
    const stop = more < 0 ? n : more;
    sink.text(decodeText(html.slice(pos, stop)));
    pos = stop;
  }
}
