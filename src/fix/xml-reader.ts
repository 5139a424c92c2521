// A purpose-built reader for QuickFIX data dictionaries: elements and attributes only. The
// dictionaries carry no text content, namespaces or entities beyond the five predefined ones, so a
// tokenizer over tags is enough and no XML package is needed. Anything it does not understand
// (an unclosed tag, a stray '<', mismatched nesting) is refused rather than guessed.
import { FixError, FixErrorCode } from './errors.js';

export interface XmlElement {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly XmlElement[];
}

interface MutableElement {
  readonly name: string;
  readonly attributes: Map<string, string>;
  readonly children: MutableElement[];
}

const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:'[^']*'|"[^"]*"))*)\s*(\/?)>/g;
const ATTRIBUTE = /([A-Za-z_][\w:.-]*)\s*=\s*(?:'([^']*)'|"([^"]*)")/g;
const ENTITY = /&(lt|gt|amp|apos|quot);/g;
const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

function invalid(detail: string): never {
  throw new FixError(FixErrorCode.DICTIONARY_INVALID, detail);
}

function decode(value: string): string {
  return value.includes('&') ? value.replace(ENTITY, (_m, name: string) => ENTITIES[name] ?? '') : value;
}

function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of text.matchAll(ATTRIBUTE)) {
    const name = match[1] ?? '';
    attributes.set(name, decode(match[2] ?? match[3] ?? ''));
  }
  return attributes;
}

/** Parses a whole document and returns its root element. */
export function parseXml(text: string): XmlElement {
  const root: MutableElement = { name: '#document', attributes: new Map(), children: [] };
  const stack: MutableElement[] = [root];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const gap = text.slice(last, match.index);
    if (gap.includes('<')) invalid(`unreadable markup near offset ${last}`);
    last = match.index + match[0].length;
    const name = match[2];
    if (name === undefined) continue; // comment, declaration or doctype
    const parent = stack[stack.length - 1];
    if (parent === undefined) return invalid('content after the root element');
    if (match[1] === '/') {
      if (parent.name !== name || stack.length === 1) invalid(`</${name}> closes <${parent.name}>`);
      stack.pop();
      continue;
    }
    const element: MutableElement = { name, attributes: parseAttributes(match[3] ?? ''), children: [] };
    parent.children.push(element);
    if (match[4] !== '/') stack.push(element);
  }
  if (text.slice(last).includes('<')) invalid(`unreadable markup near offset ${last}`);
  if (stack.length !== 1) invalid(`<${stack[stack.length - 1]?.name ?? ''}> is never closed`);
  const documentElement = root.children[0];
  if (documentElement === undefined || root.children.length !== 1) return invalid('a document has exactly one root element');
  return documentElement;
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}
