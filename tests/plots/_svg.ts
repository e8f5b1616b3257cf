/**
 * Reading the SVG files vega writes, for tests: a small XML parser (elements, attributes, text;
 * no DTDs, comments or CDATA, none of which vega emits) that fails on any malformed or unbalanced
 * tag, and queries for the marks and axis titles of a plot.
 *
 * @module
 */

/** An XML element. */
export interface SvgElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: SvgElement[];
  /** The element's own text (not its children's). */
  text: string;
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith("#x")) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const named = ENTITIES[ref];
    if (named === undefined) throw new SyntaxError(`Cannot parse SVG: unknown entity ${whole}`);
    return named;
  });
}

const TAG = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Parse an SVG document into its root element.
 *
 * @throws {SyntaxError} for text that is not well-formed XML.
 */
export function parseSvg(text: string): SvgElement {
  const root: SvgElement = { name: "#document", attrs: {}, children: [], text: "" };
  const stack: SvgElement[] = [root];
  let i = text.startsWith("<?xml") ? text.indexOf("?>") + 2 : 0;
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    const chunk = text.slice(i, lt === -1 ? text.length : lt);
    if (chunk.trim()) stack.at(-1)!.text += decode(chunk);
    if (lt === -1) break;
    TAG.lastIndex = lt;
    const m = TAG.exec(text);
    if (!m) throw new SyntaxError(`Cannot parse SVG: bad tag at ${text.slice(lt, lt + 40)}`);
    const [whole, closing, name, attrText, selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (open?.name !== name) {
        throw new SyntaxError(`Cannot parse SVG: </${name}> closes <${open?.name}>`);
      }
    } else {
      const attrs: Record<string, string> = {};
      for (const a of attrText.matchAll(ATTR)) attrs[a[1]] = decode(a[2] ?? a[3]);
      const el: SvgElement = { name, attrs, children: [], text: "" };
      stack.at(-1)!.children.push(el);
      if (!selfClosing) stack.push(el);
    }
    i = lt + whole.length;
  }
  if (stack.length !== 1) {
    throw new SyntaxError(`Cannot parse SVG: <${stack.at(-1)!.name}> unclosed`);
  }
  if (root.children.length !== 1 || root.children[0].name !== "svg") {
    throw new SyntaxError("Cannot parse SVG: the document is not one <svg> element");
  }
  return root.children[0];
}

/** Every element below `el` (depth first, document order). */
export function* descendants(el: SvgElement): Generator<SvgElement> {
  for (const c of el.children) {
    yield c;
    yield* descendants(c);
  }
}

function classes(el: SvgElement): string[] {
  return (el.attrs.class ?? "").split(/\s+/);
}

/** The text of an element and its descendants. */
export function textOf(el: SvgElement): string {
  return el.text + el.children.map(textOf).join("");
}

/** What a plot's SVG shows. */
export interface PlotMarks {
  /** The `<svg>` width and height. */
  readonly size: readonly [number, number];
  /** Per mark group (`role-mark`), its type (`symbol`, `rect`, `line`, `area`) and item count. */
  readonly groups: readonly { readonly type: string; readonly items: number }[];
  /** Titles of the axes, in document order. */
  readonly axisTitles: readonly string[];
  /** Titles of the legends. */
  readonly legendTitles: readonly string[];
  /** The plot's title and subtitle. */
  readonly titles: readonly string[];
}

/**
 * The marks of a vega SVG: each `<g class="mark-<type> role-mark">` group with its items (the
 * `role="graphics-symbol"` children vega writes for each datum), and the axis and legend titles.
 */
export function plotMarks(svg: SvgElement): PlotMarks {
  const all = [...descendants(svg)];
  const groups = all.filter((e) => e.name === "g" && classes(e).includes("role-mark")).map((g) => ({
    type: classes(g).find((c) => c.startsWith("mark-"))!.slice("mark-".length),
    items: g.children.filter((c) => c.attrs.role === "graphics-symbol").length,
  }));
  const titled = (role: string) =>
    all.filter((e) => e.name === "g" && classes(e).includes(role)).map(textOf);
  return {
    size: [Number(svg.attrs.width), Number(svg.attrs.height)],
    groups,
    axisTitles: titled("role-axis-title"),
    legendTitles: titled("role-legend-title"),
    titles: [...titled("role-title-text"), ...titled("role-title-subtitle")],
  };
}

/** Total items in the mark groups of one type. */
export function itemCount(marks: PlotMarks, type: string): number {
  return marks.groups.filter((g) => g.type === type).reduce((n, g) => n + g.items, 0);
}
