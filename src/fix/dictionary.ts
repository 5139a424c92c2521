// The FIX data dictionaries (QuickFIX XML format) as compact lookup tables: one SpecDictionary per
// file (FIXT11.xml for the session layer, FIX50SP2.xml for the application), joined into a
// FixDictionary the validator and the codec read. Components are expanded and repeating groups
// resolved the first time a message type is used, then cached: FIX 5.0 SP2 defines ~330 message
// types but a venue sees a dozen, so expanding all of them at start-up would be wasted work.
//
// Required-ness follows QuickFIX (the reference for the acceptance suite): a field is required when
// it and every enclosing component are marked required; inside a group, members are required only
// when the group itself is, and fields reached through a component inside a group never are.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FixError, FixErrorCode } from './errors.js';
import { childrenNamed, parseXml, type XmlElement } from './xml-reader.js';

export enum FieldType {
  STRING,
  CHAR,
  INT,
  FLOAT,
  BOOLEAN,
  UTC_TIMESTAMP,
  UTC_TIME_ONLY,
  UTC_DATE_ONLY,
  MONTH_YEAR,
  DATA,
  MULTIPLE_VALUE,
  NON_NEGATIVE_INT,
}

const TYPE_BY_NAME: Readonly<Record<string, FieldType>> = {
  CHAR: FieldType.CHAR,
  INT: FieldType.INT,
  DAYOFMONTH: FieldType.INT,
  TAGNUM: FieldType.INT,
  LENGTH: FieldType.NON_NEGATIVE_INT,
  SEQNUM: FieldType.NON_NEGATIVE_INT,
  NUMINGROUP: FieldType.NON_NEGATIVE_INT,
  FLOAT: FieldType.FLOAT,
  PRICE: FieldType.FLOAT,
  QTY: FieldType.FLOAT,
  AMT: FieldType.FLOAT,
  PRICEOFFSET: FieldType.FLOAT,
  PERCENTAGE: FieldType.FLOAT,
  BOOLEAN: FieldType.BOOLEAN,
  UTCTIMESTAMP: FieldType.UTC_TIMESTAMP,
  TIME: FieldType.UTC_TIMESTAMP,
  UTCTIMEONLY: FieldType.UTC_TIME_ONLY,
  UTCDATEONLY: FieldType.UTC_DATE_ONLY,
  UTCDATE: FieldType.UTC_DATE_ONLY,
  LOCALMKTDATE: FieldType.UTC_DATE_ONLY,
  MONTHYEAR: FieldType.MONTH_YEAR,
  DATA: FieldType.DATA,
  XMLDATA: FieldType.DATA,
  MULTIPLEVALUESTRING: FieldType.MULTIPLE_VALUE,
  MULTIPLESTRINGVALUE: FieldType.MULTIPLE_VALUE,
  MULTIPLECHARVALUE: FieldType.MULTIPLE_VALUE,
};

export interface FieldDef {
  readonly tag: number;
  readonly name: string;
  readonly type: FieldType;
  /** The enumerated values, or undefined when any value of the type is allowed. */
  readonly values: ReadonlySet<string> | undefined;
  /** For a length-prefixed data field, the tag of its length field; 0 otherwise. */
  readonly lengthTag: number;
}

/** The fields allowed at one level (a message body, a header, one entry of a group). */
export interface FieldContainer {
  readonly fields: ReadonlySet<number>;
  /** Required tags in ascending order: the validator reports the lowest missing one first. */
  readonly required: readonly number[];
  /** Repeating groups allowed at this level, by NumInGroup tag. */
  readonly groups: ReadonlyMap<number, GroupDef>;
}

export interface GroupDef extends FieldContainer {
  readonly countTag: number;
  /** The first field of every entry. */
  readonly delimiter: number;
}

export interface MessageDef extends FieldContainer {
  readonly msgType: string;
  readonly name: string;
  readonly admin: boolean;
}

/** QuickFIX's own list of header tags, recognised even when a dictionary omits them. */
const STANDARD_HEADER_TAGS = [
  8, 9, 35, 49, 56, 115, 128, 90, 91, 34, 50, 142, 57, 143, 116, 144, 129, 145, 43, 97, 52, 122, 212, 213, 347, 369, 370, 1128,
  1129, 627, 628, 629, 630,
];
const STANDARD_TRAILER_TAGS = [93, 89, 10];
/** Data fields and their length fields, known before any dictionary is loaded (for the store). */
const STANDARD_DATA_FIELDS: readonly (readonly [number, number])[] = [
  [89, 93],
  [91, 90],
  [96, 95],
  [213, 212],
];

/** Tags below this bound are classified by table lookup; above it every tag is a plain body tag. */
export const TAG_TABLE_SIZE = 65_536;
export const TAG_HEADER = 1;
export const TAG_TRAILER = 2;
export const TAG_DATA = 4;

/** What the codec needs to split a frame: which tags are header/trailer/data, and data lengths. */
export interface CodecTables {
  readonly flags: Uint8Array;
  lengthTagOf(tag: number): number;
}

function buildCodecTables(dataFields: Iterable<readonly [number, number]>, header: Iterable<number>, trailer: Iterable<number>): CodecTables {
  const flags = new Uint8Array(TAG_TABLE_SIZE);
  const lengths = new Map<number, number>();
  for (const tag of header) flags[tag] = (flags[tag] ?? 0) | TAG_HEADER;
  for (const tag of trailer) flags[tag] = (flags[tag] ?? 0) | TAG_TRAILER;
  for (const [tag, lengthTag] of dataFields) {
    if (tag >= TAG_TABLE_SIZE) continue;
    flags[tag] = (flags[tag] ?? 0) | TAG_DATA;
    lengths.set(tag, lengthTag);
  }
  return { flags, lengthTagOf: (tag) => lengths.get(tag) ?? 0 };
}

/** Tables for reading frames without a dictionary (the store reading its own files back). */
export const STANDARD_CODEC_TABLES: CodecTables = buildCodecTables(STANDARD_DATA_FIELDS, STANDARD_HEADER_TAGS, STANDARD_TRAILER_TAGS);

function invalid(file: string, detail: string): never {
  throw new FixError(FixErrorCode.DICTIONARY_INVALID, `${file}: ${detail}`);
}

function attribute(element: XmlElement, name: string, file: string): string {
  const value = element.attributes.get(name);
  if (value === undefined) return invalid(file, `<${element.name}> has no ${name} attribute`);
  return value;
}

function isRequired(element: XmlElement): boolean {
  const value = element.attributes.get('required');
  return value === 'Y' || value === 'y';
}

interface ContainerBuilder {
  readonly fields: Set<number>;
  readonly required: number[];
  readonly groups: Map<number, GroupDef>;
  readonly order: number[];
}

function newBuilder(): ContainerBuilder {
  return { fields: new Set(), required: [], groups: new Map(), order: [] };
}

function sealed(builder: ContainerBuilder): FieldContainer {
  return { fields: builder.fields, required: [...new Set(builder.required)].sort((a, b) => a - b), groups: builder.groups };
}

/** One dictionary file. */
export class SpecDictionary {
  readonly beginString: string;
  readonly fields = new Map<number, FieldDef>();
  readonly header: FieldContainer;
  readonly trailer: FieldContainer;
  private readonly tagsByName = new Map<string, number>();
  private readonly components = new Map<string, XmlElement>();
  private readonly messageElements = new Map<string, XmlElement>();
  private readonly messages = new Map<string, MessageDef>();

  constructor(
    root: XmlElement,
    private readonly file: string,
  ) {
    if (root.name !== 'fix') invalid(file, 'the root element is not <fix>');
    const type = root.attributes.get('type') ?? 'FIX';
    this.beginString = `${type}.${attribute(root, 'major', file)}.${attribute(root, 'minor', file)}`;
    const [fields] = childrenNamed(root, 'fields');
    if (fields === undefined) invalid(file, 'no <fields> section');
    this.readFields(fields);
    for (const section of childrenNamed(root, 'components')) {
      for (const component of childrenNamed(section, 'component')) this.components.set(attribute(component, 'name', file), component);
    }
    for (const section of childrenNamed(root, 'messages')) {
      for (const message of childrenNamed(section, 'message')) this.messageElements.set(attribute(message, 'msgtype', file), message);
    }
    this.header = this.section(root, 'header');
    this.trailer = this.section(root, 'trailer');
  }

  get messageTypes(): IterableIterator<string> {
    return this.messageElements.keys();
  }

  tagOf(name: string): number {
    const tag = this.tagsByName.get(name);
    if (tag === undefined) return invalid(this.file, `field ${name} is not defined in <fields>`);
    return tag;
  }

  isMessageType(msgType: string): boolean {
    return this.messageElements.has(msgType);
  }

  /** The expanded definition of a message type, built on first use; undefined if not defined. */
  message(msgType: string): MessageDef | undefined {
    const cached = this.messages.get(msgType);
    if (cached !== undefined) return cached;
    const element = this.messageElements.get(msgType);
    if (element === undefined) return undefined;
    const builder = newBuilder();
    this.collect(element, true, false, builder);
    const def: MessageDef = {
      ...sealed(builder),
      msgType,
      name: attribute(element, 'name', this.file),
      admin: element.attributes.get('msgcat') === 'admin',
    };
    this.messages.set(msgType, def);
    return def;
  }

  private readFields(section: XmlElement): void {
    const file = this.file;
    for (const element of childrenNamed(section, 'field')) {
      const tag = Number(attribute(element, 'number', file));
      if (!Number.isInteger(tag) || tag <= 0) invalid(file, `field number ${attribute(element, 'number', file)}`);
      const name = attribute(element, 'name', file);
      const typeName = attribute(element, 'type', file);
      const values = childrenNamed(element, 'value').map((value) => attribute(value, 'enum', file));
      this.tagsByName.set(name, tag);
      this.fields.set(tag, {
        tag,
        name,
        type: TYPE_BY_NAME[typeName] ?? FieldType.STRING,
        values: values.length === 0 ? undefined : new Set(values),
        lengthTag: 0,
      });
    }
    for (const field of this.fields.values()) {
      if (field.type !== FieldType.DATA) continue;
      this.fields.set(field.tag, { ...field, lengthTag: this.lengthFieldOf(field) });
    }
  }

  /** A data field's length field: by name (RawData → RawDataLength, EncodedText → EncodedTextLen), else the tag before it. */
  private lengthFieldOf(field: FieldDef): number {
    for (const suffix of ['Len', 'Length']) {
      const tag = this.tagsByName.get(field.name + suffix);
      if (tag !== undefined) return tag;
    }
    const before = this.fields.get(field.tag - 1);
    return before !== undefined && before.type === FieldType.NON_NEGATIVE_INT ? before.tag : 0;
  }

  private section(root: XmlElement, name: string): FieldContainer {
    const builder = newBuilder();
    for (const element of childrenNamed(root, name)) this.collect(element, true, false, builder);
    return sealed(builder);
  }

  /** Adds the fields, components and groups under `element` to `into`. */
  private collect(element: XmlElement, requiredContext: boolean, insideGroup: boolean, into: ContainerBuilder): void {
    for (const child of element.children) {
      if (child.name === 'field') {
        const tag = this.tagOf(attribute(child, 'name', this.file));
        into.fields.add(tag);
        into.order.push(tag);
        if (requiredContext && isRequired(child)) into.required.push(tag);
      } else if (child.name === 'group') {
        const group = this.group(child);
        into.fields.add(group.countTag);
        into.order.push(group.countTag);
        into.groups.set(group.countTag, group);
        if (requiredContext && isRequired(child)) into.required.push(group.countTag);
      } else if (child.name === 'component') {
        const name = attribute(child, 'name', this.file);
        const component = this.components.get(name);
        if (component === undefined) invalid(this.file, `component ${name} is not defined`);
        const required = !insideGroup && requiredContext && isRequired(child);
        this.collect(component, required, insideGroup, into);
      }
    }
  }

  private group(element: XmlElement): GroupDef {
    const countTag = this.tagOf(attribute(element, 'name', this.file));
    const builder = newBuilder();
    this.collect(element, isRequired(element), true, builder);
    const delimiter = builder.order[0];
    if (delimiter === undefined) return invalid(this.file, `group ${attribute(element, 'name', this.file)} has no fields`);
    return { ...sealed(builder), countTag, delimiter };
  }
}

/** The session dictionary and the application dictionary of one FIXT session. */
export class FixDictionary {
  readonly codecTables: CodecTables;
  private readonly customFields = new Map<number, FieldDef>();
  private readonly customAllowed = new Map<string, Set<number>>();

  constructor(
    readonly transport: SpecDictionary,
    readonly application: SpecDictionary,
  ) {
    const dataFields: (readonly [number, number])[] = [...STANDARD_DATA_FIELDS];
    for (const spec of [transport, application]) {
      for (const field of spec.fields.values()) if (field.lengthTag !== 0) dataFields.push([field.tag, field.lengthTag]);
    }
    const header = [...STANDARD_HEADER_TAGS, ...transport.header.fields];
    for (const group of transport.header.groups.values()) header.push(...group.fields);
    this.codecTables = buildCodecTables(dataFields, header, [...STANDARD_TRAILER_TAGS, ...transport.trailer.fields]);
  }

  get beginString(): string {
    return this.transport.beginString;
  }

  /** QuickFIX's rule: the seven session message types are validated by the transport dictionary. */
  static isAdminMsgType(msgType: string): boolean {
    return msgType.length === 1 && '0A12345'.includes(msgType);
  }

  /** The dictionary that defines the body of this message type. */
  specFor(msgType: string): SpecDictionary {
    return FixDictionary.isAdminMsgType(msgType) ? this.transport : this.application;
  }

  /**
   * Adds custom fields (the venue's own tags, e.g. CancelOnDisconnect on Logon) and allows them in
   * the given message types. Kept in this object, not in the shared SpecDictionary, so that one
   * acceptor's extensions never leak into another's.
   */
  extend(fields: readonly FieldDef[], allowedIn: Readonly<Record<string, readonly number[]>>): void {
    for (const field of fields) this.customFields.set(field.tag, field);
    for (const [msgType, tags] of Object.entries(allowedIn)) {
      const allowed = this.customAllowed.get(msgType) ?? new Set<number>();
      for (const tag of tags) allowed.add(tag);
      this.customAllowed.set(msgType, allowed);
    }
  }

  /** The definition of a tag as seen from a message of this type (its spec, then custom fields). */
  fieldDef(spec: SpecDictionary, tag: number): FieldDef | undefined {
    return spec.fields.get(tag) ?? this.customFields.get(tag);
  }

  /** Whether a top-level body tag is allowed in a message of this type. */
  allows(def: MessageDef, tag: number): boolean {
    return def.fields.has(tag) || (this.customAllowed.get(def.msgType)?.has(tag) ?? false);
  }
}

const specCache = new Map<string, SpecDictionary>();

/** Loads one dictionary file; each path is read and parsed once per process. */
export function loadSpecDictionary(path: string): SpecDictionary {
  const absolute = resolve(path);
  const cached = specCache.get(absolute);
  if (cached !== undefined) return cached;
  const spec = new SpecDictionary(parseXml(readFileSync(absolute, 'utf8')), absolute);
  specCache.set(absolute, spec);
  return spec;
}

export interface DictionaryPaths {
  /** FIXT11.xml */
  readonly transport: string;
  /** FIX50SP2.xml */
  readonly application: string;
}

/**
 * The dictionaries the project ships, in `spec/fix/` at its root. Found by walking up from this
 * module, which runs from `src/fix/` (tests) or `dist/src/fix/` (the built venue).
 */
export function defaultDictionaryPaths(): DictionaryPaths {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5; up++) {
    const transport = join(dir, 'spec', 'fix', 'FIXT11.xml');
    if (existsSync(transport)) return { transport, application: join(dir, 'spec', 'fix', 'FIX50SP2.xml') };
    dir = dirname(dir);
  }
  throw new Error(`spec/fix/FIXT11.xml not found above ${fileURLToPath(import.meta.url)}`);
}

/**
 * The dictionary pair for a FIXT session. A fresh FixDictionary (cheap: it shares the cached
 * SpecDictionary files) so that extending one acceptor's dictionary does not change another's.
 */
export function loadFixDictionary(paths: DictionaryPaths): FixDictionary {
  const transport = loadSpecDictionary(paths.transport);
  const application = loadSpecDictionary(paths.application);
  if (transport.beginString !== 'FIXT.1.1') invalid(paths.transport, `BeginString ${transport.beginString} is not FIXT.1.1`);
  return new FixDictionary(transport, application);
}
