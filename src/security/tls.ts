// TLS material for every listener of the server, and the options that pin those listeners to TLS 1.3.
//
// An operator with their own certificate points at its PEM files and nothing is generated. Otherwise
// the first start creates a private CA and a server certificate under DATA/tls/:
//
//   ca.pem           the CA certificate: hand it to clients so they can verify the server
//   ca-key.pem       the CA's private key (0600), kept so later starts can re-issue the server cert
//   server.pem       the server certificate followed by the CA (the chain the server sends)
//   server-key.pem   the server's private key (0600)
//
// Later starts reuse the files. The server certificate is re-issued from the same CA when it lacks a
// requested hostname, expires within 30 days, no longer matches its key or was not issued by ca.pem;
// the CA itself is never replaced while ca.pem exists, because clients have been told to trust it.
// Files are written to a temporary name and renamed, keys before certificates: ca.pem and server.pem
// are the commit points, so a crash between the two writes leaves a state the next start repairs.
//
// The clock is a parameter (`now`), so expiry decisions are testable and the module reads no time.

// @peculiar/x509 resolves its services with tsyringe, which throws on import unless a Reflect
// metadata polyfill is loaded first; ES modules evaluate their imports in order, so this must stay first.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { createPrivateKey, KeyObject, randomBytes, webcrypto, X509Certificate } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, join } from 'node:path';

// The library's types name the DOM's `Crypto` and `CryptoKey`, which this project's lib settings
// leave out, so node's webcrypto objects are accepted without casts. (With "DOM" in lib, this one
// call would need `webcrypto as unknown as Crypto`: node's and the DOM's subtle.generateKey differ.)
x509.cryptoProvider.set(webcrypto);

const DAY_MS = 86_400_000;
const CA_VALIDITY_MS = 3_652 * DAY_MS; // 10 years, leap days included
// 825 days is the longest validity Apple platforms accept for a TLS server certificate.
const SERVER_VALIDITY_MS = 825 * DAY_MS;
const RENEW_BEFORE_MS = 30 * DAY_MS;
// Certificates start an hour in the past so clients whose clocks lag a little still accept them.
const BACKDATE_MS = 3_600_000;
/** Names every generated server certificate carries, so local clients and health checks work. */
const ALWAYS_NAMES: readonly string[] = ['localhost', '127.0.0.1', '::1'];
const EC_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const DEFAULT_HANDSHAKE_TIMEOUT_MS = 10_000;

/** Keys and certificates for the server's listeners, all PEM. */
export interface TlsMaterial {
  /** The server's private key. */
  readonly key: string;
  /** The certificate chain the server presents: its own certificate first, then the CA. */
  readonly cert: string;
  /** The CA certificate clients should trust. */
  readonly ca: string;
  /** Where that CA certificate is on disk, for the operator to hand to clients. */
  readonly caPath: string | undefined;
  /** True when this call generated a new CA: clients must be given the new `caPath`. */
  readonly created: boolean;
}

/** PEM files supplied by the operator instead of the generated ones. */
export interface TlsFiles {
  /** The server certificate, optionally followed by its chain. */
  readonly certFile: string;
  readonly keyFile: string;
  /** The CA clients should trust; without it, the last certificate of `certFile` stands in. */
  readonly caFile?: string;
}

export interface EnsureTlsOptions {
  readonly files?: TlsFiles;
  /** DNS names and IP addresses clients use to reach the server. */
  readonly hostnames: readonly string[];
  readonly now: Date;
}

/** Options for `tls.createServer`, `https.createServer` or fastify's `https` that accept only TLS 1.3. */
export interface TlsServerOptions {
  readonly key: string;
  readonly cert: string;
  readonly minVersion: 'TLSv1.3';
  readonly maxVersion: 'TLSv1.3';
  /** Milliseconds a client gets to finish the handshake before its socket is dropped. */
  readonly handshakeTimeout: number;
}

/**
 * Returns the TLS material: the operator's files when `options.files` is given, otherwise the
 * generated CA and server certificate under `dataDir/tls`, created or re-issued as needed.
 */
export async function ensureTls(dataDir: string, options: EnsureTlsOptions): Promise<TlsMaterial> {
  if (options.files !== undefined) return readOperatorFiles(options.files, options.now);
  return ensureGenerated(join(dataDir, 'tls'), normalizeHostnames(options.hostnames), options.now);
}

/** Server options that allow TLS 1.3 only; older clients fail the handshake with a protocol_version alert. */
export function tlsServerOptions(material: TlsMaterial, handshakeTimeoutMs = DEFAULT_HANDSHAKE_TIMEOUT_MS): TlsServerOptions {
  return { key: material.key, cert: material.cert, minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3', handshakeTimeout: handshakeTimeoutMs };
}

// ---- operator files ----

function readOperatorFiles(files: TlsFiles, now: Date): TlsMaterial {
  const cert = readPem(files.certFile, 'certFile');
  const key = readPem(files.keyFile, 'keyFile');
  const chain = parseCertificates(cert, files.certFile, 'certFile');
  const leaf = chain[0];
  const top = chain[chain.length - 1];
  if (leaf === undefined || top === undefined) throw new Error(`TLS certFile ${files.certFile} holds no PEM certificate`);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(key);
  } catch (error) {
    throw new Error(`TLS keyFile ${files.keyFile}: not a usable private key (${messageOf(error)})`, { cause: error });
  }
  if (!leaf.checkPrivateKey(privateKey)) throw new Error(`TLS keyFile ${files.keyFile} does not match the certificate in ${files.certFile}`);
  // An expired certificate would fail every handshake; refusing to start says why much sooner.
  if (Date.parse(leaf.validTo) <= now.getTime()) throw new Error(`TLS certFile ${files.certFile}: certificate expired at ${leaf.validTo}`);
  let ca: string;
  if (files.caFile === undefined) {
    ca = top.toString();
  } else {
    ca = readPem(files.caFile, 'caFile');
    parseCertificates(ca, files.caFile, 'caFile');
  }
  return { key, cert, ca, caPath: files.caFile, created: false };
}

function readPem(path: string, role: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`TLS ${role} ${path} cannot be read: ${messageOf(error)}`, { cause: error });
  }
  if (!/^-----BEGIN [A-Z0-9 ]+-----$/m.test(text)) throw new Error(`TLS ${role} ${path} is not a PEM file`);
  return text;
}

function parseCertificates(pem: string, path: string, role: string): X509Certificate[] {
  const blocks = pem.match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 0) throw new Error(`TLS ${role} ${path} holds no PEM certificate`);
  return blocks.map((block, i) => {
    try {
      return new X509Certificate(block);
    } catch (error) {
      throw new Error(`TLS ${role} ${path}: certificate ${i + 1} does not parse (${messageOf(error)})`, { cause: error });
    }
  });
}

// ---- generated material ----

interface Hostname {
  readonly kind: 'dns' | 'ip';
  readonly value: string;
}

/** Lower-cases, strips IPv6 brackets, adds the local names and removes duplicates, keeping order. */
function normalizeHostnames(requested: readonly string[]): Hostname[] {
  const seen = new Set<string>();
  const names: Hostname[] = [];
  for (const raw of [...requested, ...ALWAYS_NAMES]) {
    const value = raw.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
    if (isIP(value) !== 0) {
      // `new URL` canonicalises IPv6 spellings (0:0::1 and ::1 are one address) for de-duplication.
      const key = isIP(value) === 6 ? new URL(`http://[${value}]/`).hostname : value;
      if (!seen.has(key)) names.push({ kind: 'ip', value });
      seen.add(key);
      continue;
    }
    const dns = value.replace(/\.$/, '');
    if (!/^(\*\.)?[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$/.test(dns) || dns.length > 253) {
      throw new Error(`TLS hostname ${JSON.stringify(raw)} is neither a DNS name nor an IP address`);
    }
    if (!seen.has(dns)) names.push({ kind: 'dns', value: dns });
    seen.add(dns);
  }
  return names;
}

interface Paths {
  readonly dir: string;
  readonly ca: string;
  readonly caKey: string;
  readonly server: string;
  readonly serverKey: string;
}

async function ensureGenerated(dir: string, hostnames: readonly Hostname[], now: Date): Promise<TlsMaterial> {
  const paths: Paths = {
    dir,
    ca: join(dir, 'ca.pem'),
    caKey: join(dir, 'ca-key.pem'),
    server: join(dir, 'server.pem'),
    serverKey: join(dir, 'server-key.pem'),
  };
  mkdirSync(dir, { recursive: true, mode: 0o700 });

  let created = false;
  let caPem: string;
  let caKeyPem: string;
  if (existsSync(paths.ca)) {
    // ca.pem is what clients were given: never replace it behind their backs.
    caPem = readPem(paths.ca, 'CA certificate');
    caKeyPem = readPem(paths.caKey, 'CA key');
    checkCa(caPem, caKeyPem, paths, now);
  } else {
    // No ca.pem means no client can trust an earlier CA, so a leftover key (crash mid-write) is replaced.
    ({ caPem, caKeyPem } = await createCa(now));
    writeAtomic(paths.caKey, caKeyPem, 0o600);
    writeAtomic(paths.ca, caPem, 0o644);
    created = true;
  }

  let serverPem: string | undefined;
  let serverKeyPem: string | undefined;
  if (!created && existsSync(paths.server) && existsSync(paths.serverKey)) {
    serverPem = readFileSync(paths.server, 'utf8');
    serverKeyPem = readFileSync(paths.serverKey, 'utf8');
    if (!serverCertUsable(serverPem, serverKeyPem, caPem, hostnames, now)) serverPem = serverKeyPem = undefined;
  }
  if (serverPem === undefined || serverKeyPem === undefined) {
    ({ serverPem, serverKeyPem } = await issueServer(caPem, caKeyPem, hostnames, now));
    writeAtomic(paths.serverKey, serverKeyPem, 0o600);
    writeAtomic(paths.server, serverPem, 0o644);
  }
  return { key: serverKeyPem, cert: serverPem, ca: caPem, caPath: paths.ca, created };
}

function checkCa(caPem: string, caKeyPem: string, paths: Paths, now: Date): void {
  const [ca] = parseCertificates(caPem, paths.ca, 'CA certificate');
  if (ca === undefined) throw new Error(`TLS CA certificate ${paths.ca}: no certificate`);
  let key: KeyObject;
  try {
    key = createPrivateKey(caKeyPem);
  } catch (error) {
    throw new Error(`TLS CA key ${paths.caKey}: not a usable private key (${messageOf(error)})`, { cause: error });
  }
  if (!ca.checkPrivateKey(key)) throw new Error(`TLS CA key ${paths.caKey} does not match ${paths.ca}`);
  // Re-issuing cannot help once the CA itself is about to lapse; replacing it is the operator's call.
  if (Date.parse(ca.validTo) - now.getTime() < RENEW_BEFORE_MS) {
    throw new Error(`TLS CA ${paths.ca} expires at ${ca.validTo}; move ${paths.dir} aside to generate a new CA and give it to clients`);
  }
}

/** Whether the stored server certificate can be served as is for these names at this time. */
function serverCertUsable(serverPem: string, serverKeyPem: string, caPem: string, hostnames: readonly Hostname[], now: Date): boolean {
  const [first] = serverPem.match(PEM_CERTIFICATE) ?? [];
  if (first === undefined) return false;
  let leaf: X509Certificate;
  let key: KeyObject;
  let sanDns: Set<string>;
  try {
    leaf = new X509Certificate(first);
    key = createPrivateKey(serverKeyPem);
    // DNS names are compared with the SAN entries literally (a requested *.example.com must be there
    // as such); IP addresses below through node, which knows ::1 and 0:0::1 are one address.
    const san = new x509.X509Certificate(first).getExtension(x509.SubjectAlternativeNameExtension);
    sanDns = new Set((san?.names.items ?? []).filter((name) => name.type === 'dns').map((name) => name.value.toLowerCase()));
  } catch {
    return false; // a damaged file is simply re-issued: the CA, which clients trust, is intact
  }
  const ca = new X509Certificate(caPem);
  if (!leaf.checkPrivateKey(key) || !leaf.checkIssued(ca) || !leaf.verify(ca.publicKey)) return false;
  if (!serverPem.includes(caPem.trim())) return false;
  const t = now.getTime();
  if (Date.parse(leaf.validFrom) > t || Date.parse(leaf.validTo) - t < RENEW_BEFORE_MS) return false;
  return hostnames.every((h) => (h.kind === 'ip' ? leaf.checkIP(h.value) !== undefined : sanDns.has(h.value)));
}

async function createCa(now: Date): Promise<{ caPem: string; caKeyPem: string }> {
  const keys = await webcrypto.subtle.generateKey(EC_ALGORITHM, true, ['sign', 'verify']);
  const notBefore = wholeSeconds(now.getTime() - BACKDATE_MS);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: [{ CN: ['Kapita local CA'] }],
    notBefore,
    notAfter: new Date(notBefore.getTime() + CA_VALIDITY_MS),
    keys,
    signingAlgorithm: EC_ALGORITHM,
    extensions: [
      // Path length 0: this CA signs server certificates only, never another CA.
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { caPem: pemOf(cert), caKeyPem: privateKeyPem(keys.privateKey) };
}

async function issueServer(caPem: string, caKeyPem: string, hostnames: readonly Hostname[], now: Date): Promise<{ serverPem: string; serverKeyPem: string }> {
  const ca = new x509.X509Certificate(caPem);
  const caDer = createPrivateKey(caKeyPem).export({ type: 'pkcs8', format: 'der' });
  const signingKey = await webcrypto.subtle.importKey('pkcs8', caDer, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  const keys = await webcrypto.subtle.generateKey(EC_ALGORITHM, true, ['sign', 'verify']);
  const notBefore = wholeSeconds(now.getTime() - BACKDATE_MS);
  // A certificate must not outlive its issuer; checkCa keeps the CA at least 30 days from expiry.
  const notAfter = new Date(Math.min(notBefore.getTime() + SERVER_VALIDITY_MS, ca.notAfter.getTime()));
  const first = hostnames[0]?.value ?? 'localhost';
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: [{ CN: [first] }],
    issuer: ca.subjectName,
    notBefore,
    notAfter,
    publicKey: keys.publicKey,
    signingKey,
    signingAlgorithm: EC_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(hostnames.map((h) => ({ type: h.kind, value: h.value }))),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(ca.publicKey),
    ],
  });
  return { serverPem: pemOf(cert) + caPem, serverKeyPem: privateKeyPem(keys.privateKey) };
}

function randomSerial(): string {
  return randomBytes(16).toString('hex'); // 128 bits; the library clears the sign so it stays positive
}

function wholeSeconds(ms: number): Date {
  // Certificate times have one-second resolution; truncating keeps validity spans exact.
  return new Date(Math.floor(ms / 1000) * 1000);
}

function pemOf(cert: x509.X509Certificate): string {
  return `${cert.toString('pem')}\n`;
}

function privateKeyPem(key: webcrypto.CryptoKey): string {
  return KeyObject.from(key).export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** Writes `text` under a temporary name, flushes it and renames it over `path`, then syncs the directory. */
function writeAtomic(path: string, text: string, mode: number): void {
  const tmp = `${path}.tmp`;
  // A stale temporary file would keep its old mode; start from a fresh one so `mode` applies.
  rmSync(tmp, { force: true });
  writeFileSync(tmp, text, { mode, flag: 'wx', flush: true });
  renameSync(tmp, path);
  const fd = openSync(dirname(path), 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
