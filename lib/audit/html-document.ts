// A small read-only DOM for the audit CLI. Saved billing pages run to megabytes and linkedom
// spends about a second building its DOM for 10,000 + 10,000 rows; our own tokenizer
// (html-tokens.ts) and these plain node classes do it in a fraction of that. It implements the part of the DOM the
// reader (lib/dashboard) uses, as a browser would build it: <html> holds <head> and <body>, and
// content goes into <body>. Selectors are css-select's, so any selector the reader uses works.
// The reader's tests run on this DOM, happy-dom and linkedom alike and must read the same.
import { compile, selectAll, selectOne, is, type Options } from 'css-select';
import { tokenizeHtml } from './html-tokens';

const HEAD_TAGS = new Set(['title', 'meta', 'link', 'style', 'script', 'base', 'noscript', 'template']);

// Children lists start as these shared empty arrays and become arrays of their own at the first
// child: a cell holds one text node, and an empty array that grows by push reserves room for 17.
const NO_NODES: LightNode[] = Object.freeze([]) as unknown as LightNode[];
const NO_ELEMENTS: LightElement[] = Object.freeze([]) as unknown as LightElement[];
const UPPER = new Map<string, string>();
/** An element's child nodes are its element children (see LightElement.kids). */
const ELEMENTS_ONLY = Symbol('elements only');

// Fields are declared, and set in each constructor in one go: 140,000 elements are built per
// page, and class field initializers (a function run after super()) cost more than the stores.
abstract class LightNode {
  abstract get nodeType(): number;
  declare parentNode: LightElement | null;
  get parentElement(): LightElement | null {
    return this.parentNode instanceof LightElement ? this.parentNode : null;
  }
  abstract get textContent(): string;
  get nodeName(): string {
    return '#node';
  }
}

class LightText extends LightNode {
  get nodeType(): number {
    return 3;
  }
  declare data: string;
  constructor(data: string) {
    super();
    this.parentNode = null;
    this.data = data;
  }
  get textContent(): string {
    return this.data;
  }
  override get nodeName(): string {
    return '#text';
  }
}

export class LightElement extends LightNode {
  get nodeType(): number {
    return 1;
  }
  /**
   * The child nodes. Most cells hold one text node, which the reader asks only for its text, and
   * most other elements hold only elements: a node and an array kept for each would be hundreds
   * of thousands more objects for the collector to move. So: null (none), a lone text child as
   * its string (its node made the first time it is asked for, and kept), ELEMENTS_ONLY (they are
   * `children`), or the list of nodes.
   */
  private declare kids: string | typeof ELEMENTS_ONLY | LightNode[] | null;
  /** The lone text's node, made now and kept (in a list: childNodes gives that list each time). */
  private loneText(): LightNode[] {
    const node = new LightText(this.kids as string);
    node.parentNode = this;
    return (this.kids = [node]);
  }
  get childNodes(): LightNode[] {
    const kids = this.kids;
    if (kids === null) return NO_NODES;
    if (kids === ELEMENTS_ONLY) return this.children;
    return typeof kids === 'string' ? this.loneText() : kids;
  }
  get firstChild(): LightNode | null {
    return this.childNodes[0] ?? null;
  }
  get lastChild(): LightNode | null {
    const nodes = this.childNodes;
    return nodes[nodes.length - 1] ?? null;
  }
  declare children: LightElement[];
  /** Position among the parent's element children, for sibling steps. */
  declare index: number;
  /**
   * The parsed page's elements in document order (with lists of them by tag and attribute), and
   * this one's place in it: its descendants are the ones up to `end`, so a query walks a range
   * instead of recursing.
   */
  declare page: PageIndex | null;
  declare order: number;
  declare end: number;
  declare readonly localName: string;
  declare readonly attributes: Record<string, string>;
  constructor(localName: string, attributes: Record<string, string>) {
    super();
    this.parentNode = null;
    this.kids = null;
    this.children = NO_ELEMENTS;
    this.index = 0;
    this.page = null;
    this.order = 0;
    this.end = 0;
    this.text = undefined;
    this.localName = localName;
    this.attributes = attributes;
  }
  get tagName(): string {
    // Asked of every cell: one upper-case string per tag name, not one per call.
    let upper = UPPER.get(this.localName);
    if (upper === undefined) {
      upper = this.localName.toUpperCase();
      if (UPPER.size < 1000) UPPER.set(this.localName, upper);
    }
    return upper;
  }
  override get nodeName(): string {
    return this.tagName;
  }
  get firstElementChild(): LightElement | null {
    return this.children[0] ?? null;
  }
  get lastElementChild(): LightElement | null {
    return this.children[this.children.length - 1] ?? null;
  }
  get nextElementSibling(): LightElement | null {
    return this.parentNode?.children[this.index + 1] ?? null;
  }
  get previousElementSibling(): LightElement | null {
    return this.parentNode?.children[this.index - 1] ?? null;
  }
  /** Kept once asked: the document never changes after parsing, and the reader asks often. */
  private declare text: string | undefined;
  get textContent(): string {
    if (this.text !== undefined) return this.text;
    // <template> content is a separate fragment in a browser: it has no text in the document.
    if (this.localName === 'template') return (this.text = '');
    const kids = this.kids;
    if (kids === null) return (this.text = '');
    if (typeof kids === 'string') return kids;
    const list = kids === ELEMENTS_ONLY ? this.children : kids;
    if (list.length === 1) return (this.text = list[0]!.textContent);
    let out = '';
    for (const child of list) out += child.textContent;
    return (this.text = out);
  }
  get id(): string {
    return this.attributes.id ?? '';
  }
  get className(): string {
    return this.attributes.class ?? '';
  }
  get hidden(): boolean {
    return 'hidden' in this.attributes;
  }
  getAttribute(name: string): string | null {
    const value = this.attributes[name.toLowerCase()];
    return value === undefined ? null : value;
  }
  hasAttribute(name: string): boolean {
    return name.toLowerCase() in this.attributes;
  }
  getAttributeNames(): string[] {
    return Object.keys(this.attributes);
  }
  /** Text from the parser: joined to a text node (or string) just before it, as a browser does. */
  appendText(data: string): void {
    const kids = this.kids;
    if (kids === null) this.kids = data;
    else if (typeof kids === 'string') this.kids = kids + data;
    else {
      const last = kids === ELEMENTS_ONLY ? null : kids[kids.length - 1];
      if (last instanceof LightText) last.data += data;
      else this.append(new LightText(data));
    }
  }
  append(child: LightNode): void {
    child.parentNode = this;
    const kids = this.kids;
    const element = child instanceof LightElement;
    if (kids === null) this.kids = element ? ELEMENTS_ONLY : [child];
    else if (kids === ELEMENTS_ONLY) {
      if (!element) this.kids = [...this.children, child];
    } else (typeof kids === 'string' ? this.loneText() : kids).push(child);
    if (!element) return;
    child.index = this.children.length;
    if (this.children === NO_ELEMENTS) this.children = [child];
    else this.children.push(child);
  }
  querySelectorAll(selector: string): LightElement[] {
    const test = simple(selector);
    if (!test) return selectAll(query(selector), this.childNodes, OPTIONS);
    const out: LightElement[] = [];
    const plan = this.page && candidates(selector, this.page);
    if (plan) {
      // Only the elements of the tag or attribute each alternative names, within this one's range.
      for (const list of plan) for (let i = firstAfter(list, this.order); i < list.length && list[i]!.order < this.end; i++) if (test(list[i]!)) out.push(list[i]!);
      if (plan.length > 1) return [...new Set(out)].sort((a, b) => a.order - b.order);
      return out;
    }
    const all = this.page?.all;
    if (!all) collect(this, test, out);
    else for (let i = this.order + 1; i < this.end; i++) if (test(all[i]!)) out.push(all[i]!);
    return out;
  }
  querySelector(selector: string): LightElement | null {
    const test = simple(selector);
    if (!test) return selectOne(query(selector), this.childNodes, OPTIONS);
    const plan = this.page && candidates(selector, this.page);
    if (plan) {
      // The first match in document order: the earliest of each alternative's first match.
      let best: LightElement | null = null;
      for (const list of plan) {
        for (let i = firstAfter(list, this.order); i < list.length && list[i]!.order < this.end && (!best || list[i]!.order < best.order); i++) {
          if (test(list[i]!)) {
            best = list[i]!;
            break;
          }
        }
      }
      return best;
    }
    const find = (el: LightElement): LightElement | null => {
      for (const c of el.children) {
        if (test(c)) return c;
        const inner = find(c);
        if (inner) return inner;
      }
      return null;
    };
    return find(this);
  }
  getElementsByTagName(name: string): LightElement[] {
    const wanted = name.toLowerCase();
    const out: LightElement[] = [];
    if (this.page && wanted !== '*') {
      // From the tag's list, within this one's range (see numberElements).
      const list = this.page.tag(wanted);
      for (let i = firstAfter(list, this.order); i < list.length && list[i]!.order < this.end; i++) out.push(list[i]!);
      return out;
    }
    const walk = (el: LightElement): void => {
      for (const c of el.children) {
        if (wanted === '*' || c.localName === wanted) out.push(c);
        walk(c);
      }
    };
    walk(this);
    return out;
  }
  matches(selector: string): boolean {
    return simple(selector)?.(this) ?? is(this, query(selector), OPTIONS);
  }
  closest(selector: string): LightElement | null {
    const test = simple(selector);
    if (test ? test(this) : this.matches(selector)) return this;
    for (let el = this.parentElement; el; el = el.parentElement) if (test ? test(el) : el.matches(selector)) return el;
    return null;
  }
  contains(other: LightNode | null): boolean {
    for (let n = other; n; n = n.parentNode) if (n === this) return true;
    return false;
  }
}

class LightDocument {
  readonly nodeType = 9;
  readonly documentElement = new LightElement('html', {});
  readonly head = new LightElement('head', {});
  readonly body = new LightElement('body', {});
  constructor() {
    this.documentElement.append(this.head);
    this.documentElement.append(this.body);
  }
  get title(): string {
    return this.head.querySelector('title')?.textContent.trim() ?? '';
  }
  get textContent(): null {
    return null;
  }
  querySelectorAll(selector: string): LightElement[] {
    const test = simple(selector);
    if (!test) return selectAll(query(selector), [this.documentElement], OPTIONS);
    return [this.documentElement].filter(test).concat(this.documentElement.querySelectorAll(selector));
  }
  querySelector(selector: string): LightElement | null {
    const test = simple(selector);
    if (!test) return selectOne(query(selector), [this.documentElement], OPTIONS);
    return test(this.documentElement) ? this.documentElement : this.documentElement.querySelector(selector);
  }
  getElementsByTagName(name: string): LightElement[] {
    const all = this.documentElement.getElementsByTagName(name);
    return name === '*' || name.toLowerCase() === 'html' ? [this.documentElement, ...all].filter((e) => name === '*' || e.localName === 'html') : all;
  }
}

const adapter: NonNullable<Options<LightNode, LightElement>['adapter']> = {
  isTag: (node): node is LightElement => node instanceof LightElement,
  getAttributeValue: (el, name) => el.attributes[name],
  getChildren: (node) => (node instanceof LightElement ? node.childNodes : []),
  getName: (el) => el.localName,
  getParent: (node) => node.parentNode,
  getSiblings: (node) => node.parentNode?.childNodes ?? [node],
  prevElementSibling: (node) => (node instanceof LightElement ? node.previousElementSibling : null),
  getText: (node) => node.textContent,
  hasAttrib: (el, name) => name in el.attributes,
  removeSubsets: (nodes) => {
    const set = new Set(nodes);
    return [...set].filter((n) => {
      for (let p = n.parentNode; p; p = p.parentNode) if (set.has(p)) return false;
      return true;
    });
  },
};
const OPTIONS: Options<LightNode, LightElement> = { adapter, xmlMode: false };

// The reader's selectors are lists of tags, [attribute], [attribute="value"] and .class, without
// combinators: those are tested directly on each element (css-select costs several times more per
// element over tens of thousands of rows); anything else goes to css-select.
type Test = (el: LightElement) => boolean;
const COMPOUND = /^([a-z][a-z0-9-]*)?((?:\[[a-z][a-z0-9-]*(?:=(?:"[^"]*"|'[^']*'))?\]|\.[A-Za-z0-9_-]+)*)$/;
const PART = /\[([a-z][a-z0-9-]*)(?:=(?:"([^"]*)"|'([^']*)'))?\]|\.([A-Za-z0-9_-]+)/g;
const simpleTests = new Map<string, Test | null>();
function simple(selector: string): Test | null {
  let test = simpleTests.get(selector);
  if (test !== undefined) return test;
  test = compileSimple(selector);
  simpleTests.set(selector, test);
  return test;
}
interface Compound {
  tag: string | null;
  /** [attribute, value or null for "has it", whether value is a class name] */
  parts: [string, string | null, boolean][];
}
function compileSimple(selector: string): Test | null {
  const alternatives: Compound[] = [];
  for (const raw of selector.split(',')) {
    const m = COMPOUND.exec(raw.trim());
    if (!m || (!m[1] && !m[2])) return null;
    const parts: Compound['parts'] = [];
    for (const [, name, double, single, cls] of m[2]!.matchAll(PART)) parts.push(cls !== undefined ? ['class', cls, true] : [name!, double ?? single ?? null, false]);
    alternatives.push({ tag: m[1] ?? null, parts });
  }
  return (el) => {
    next: for (let a = 0; a < alternatives.length; a++) {
      const { tag, parts } = alternatives[a]!;
      if (tag !== null && el.localName !== tag) continue;
      for (let p = 0; p < parts.length; p++) {
        const [name, value, isClass] = parts[p]!;
        const has = el.attributes[name];
        if (has === undefined || (value !== null && (isClass ? !has.split(/[ \t\n\f\r]+/).includes(value) : has !== value))) continue next;
      }
      return true;
    }
    return false;
  };
}

/**
 * The page's elements in document order, and lists of them by tag, by attribute and by an
 * attribute's value, each made the first time a query asks for it (a page is asked for a dozen).
 */
class PageIndex {
  private readonly byTag = new Map<string, LightElement[]>();
  private readonly byAttribute = new Map<string, LightElement[]>();
  private readonly byValue = new Map<string, Map<string, LightElement[]>>();
  constructor(readonly all: readonly LightElement[]) {}
  tag(name: string): LightElement[] {
    let list = this.byTag.get(name);
    if (list === undefined) {
      list = this.all.filter((el) => el.localName === name);
      this.byTag.set(name, list);
    }
    return list;
  }
  attribute(name: string): LightElement[] {
    let list = this.byAttribute.get(name);
    if (list === undefined) {
      list = this.all.filter((el) => Object.hasOwn(el.attributes, name));
      this.byAttribute.set(name, list);
    }
    return list;
  }
  /** The elements with an attribute, by its value. */
  values(attribute: string): Map<string, LightElement[]> {
    let byValue = this.byValue.get(attribute);
    if (byValue) return byValue;
    byValue = new Map();
    for (const el of this.attribute(attribute)) {
      const value = el.attributes[attribute]!;
      const list = byValue.get(value);
      if (list) list.push(el);
      else byValue.set(value, [el]);
    }
    this.byValue.set(attribute, byValue);
    return byValue;
  }
}

/** Put every element under `root` (and itself) in document order, with its range (see LightElement.page). */
function numberElements(root: LightElement): void {
  const all: LightElement[] = [];
  const page = new PageIndex(all);
  const visit = (el: LightElement): void => {
    el.page = page;
    el.order = all.length;
    all.push(el);
    const children = el.children;
    for (let i = 0; i < children.length; i++) visit(children[i]!);
    el.end = all.length;
  };
  visit(root);
}

/**
 * For a simple selector, the index lists that hold every element it can match: per alternative,
 * its tag's elements, or its first attribute's (those with that value, when it names one); each
 * list once. Null when an alternative names neither.
 */
function candidates(selector: string, page: PageIndex): LightElement[][] | null {
  const plan = plans.get(selector) ?? compilePlan(selector);
  if (!plan) return null;
  const lists = plan.map(({ tag, attribute, value }) => (tag !== null ? page.tag(tag) : value !== null ? (page.values(attribute!).get(value) ?? NONE) : page.attribute(attribute!)));
  return lists.length > 1 ? [...new Set(lists)] : lists;
}
const NONE: LightElement[] = [];

interface Plan {
  tag: string | null;
  attribute: string | null;
  value: string | null;
}
const plans = new Map<string, Plan[] | null>();
function compilePlan(selector: string): Plan[] | null {
  const plan: Plan[] = [];
  for (const raw of selector.split(',')) {
    const m = COMPOUND.exec(raw.trim());
    const first = m?.[2] ? /^\[([a-z][a-z0-9-]*)(?:=(?:"([^"]*)"|'([^']*)'))?\]/.exec(m[2]) : null;
    const attribute = first?.[1] ?? (m?.[2]?.startsWith('.') ? 'class' : null);
    if (!m || (!m[1] && !attribute)) {
      plans.set(selector, null);
      return null;
    }
    // A class is one word of the attribute, not its value: only [name="value"] narrows by value.
    plan.push({ tag: m[1] ?? null, attribute: m[1] ? null : attribute, value: m[1] || !first ? null : (first[2] ?? first[3] ?? null) });
  }
  plans.set(selector, plan);
  return plan;
}

/** The index in `list` (document order) of the first element after position `order`. */
function firstAfter(list: readonly LightElement[], order: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.order <= order) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Every element under `root` that passes `test`, in document order. */
function collect(root: LightElement, test: Test, out: LightElement[]): void {
  const children = root.children;
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!;
    if (test(c)) out.push(c);
    if (c.children.length) collect(c, test, out);
  }
}

// The reader asks the same few selectors of every row: compile each once.
const compiled = new Map<string, ReturnType<typeof compile<LightNode, LightElement>>>();
function query(selector: string) {
  let q = compiled.get(selector);
  if (!q) compiled.set(selector, (q = compile<LightNode, LightElement>(selector, OPTIONS)));
  return q;
}

// The tree builder's rules, as htmlparser2's (which this DOM was first built on, and the reader's
// tests compare with a browser's DOM): a start tag closes the open elements it implies closed
// (a <tr> the open cell and row, a <div> an open <p>); void elements hold nothing; inside SVG and
// MathML "/>" closes an element.
const P = new Set(['p']);
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t) => [t, FORM] as [string, Set<string>]),
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map(
    (t) => [t, P] as [string, Set<string>],
  ),
]);
const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const FOREIGN = new Set(['math', 'svg']);
const INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

/** Parse a saved page into a read-only Document the reader accepts. */
export function parseHtmlDocument(html: string): Document {
  const doc = new LightDocument();
  const stack: LightElement[] = [];
  /** Elements the builder added that the file does not name (a <tbody> around bare rows). */
  const implied = new Set<LightElement>();
  /** Whether each open SVG/MathML or HTML-integration element makes "/>" close; innermost last. */
  const foreign: boolean[] = [];
  let bodyStarted = false;
  const current = (): LightElement => stack[stack.length - 1] ?? (bodyStarted ? doc.body : doc.head);
  /** The innermost open element the file itself opened, by index (-1: none). */
  const named = (from = stack.length - 1): number => {
    let i = from;
    while (i >= 0 && implied.has(stack[i]!)) i--;
    return i;
  };
  const place = (name: string): LightElement => {
    let parent = stack[stack.length - 1];
    if (!parent || parent === doc.documentElement || (parent === doc.head && !HEAD_TAGS.has(name))) {
      if (!HEAD_TAGS.has(name) || bodyStarted) bodyStarted = true;
      parent = bodyStarted ? doc.body : doc.head;
    }
    return parent;
  };
  tokenizeHtml(html, {
    rawText: () => !foreign[foreign.length - 1],
    open(name, attributes, selfClosing) {
      const closes = IMPLIES_CLOSE.get(name);
      if (closes) {
        for (let i = named(); i >= 0 && closes.has(stack[i]!.localName); i = named()) stack.length = i;
      }
      if (name === 'html' || name === 'head' || name === 'body') {
        const el = name === 'html' ? doc.documentElement : name === 'head' ? doc.head : doc.body;
        for (const k in attributes) if (!(k in el.attributes)) el.attributes[k] = attributes[k]!;
        if (name === 'body') bodyStarted = true;
        stack.push(el);
        return;
      }
      let parent = place(name);
      if (name === 'tr' && parent.localName === 'table') {
        // A browser puts rows written straight into a <table> into an implied <tbody>.
        const tbody = new LightElement('tbody', {});
        parent.append(tbody);
        stack.push(tbody);
        implied.add(tbody);
        parent = tbody;
      }
      const el = new LightElement(name, attributes);
      parent.append(el);
      if (VOID.has(name)) return;
      stack.push(el);
      if (FOREIGN.has(name)) foreign.push(true);
      else if (INTEGRATION.has(name)) foreign.push(false);
      if (selfClosing && foreign[foreign.length - 1]) {
        stack.pop();
        if (FOREIGN.has(name) || INTEGRATION.has(name)) foreign.pop();
      }
    },
    close(name) {
      if (FOREIGN.has(name) || INTEGRATION.has(name)) foreign.pop();
      if (VOID.has(name)) {
        // "</br>" is a <br>, as in a browser.
        if (name === 'br') place('br').append(new LightElement('br', {}));
        return;
      }
      for (let i = named(); i >= 0; i = named(i - 1)) {
        if (stack[i]!.localName === name) {
          stack.length = i;
          return;
        }
      }
      // "</p>" with no <p> open is an empty <p>.
      if (name === 'p') place('p').append(new LightElement('p', {}));
    },
    text(text) {
      let parent = current();
      if (parent === doc.documentElement || (parent === doc.head && text.trim() !== '')) {
        if (text.trim() === '') return;
        bodyStarted = true;
        parent = doc.body;
      }
      parent.appendText(text);
    },
  });
  numberElements(doc.documentElement);
  return doc as unknown as Document;
}
