// TLS material: generation, reuse and re-issue under a temporary DATA dir, operator files, and real
// handshakes against a TLS 1.3-only server — from node's tls client and from the openssl binary.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { ServerOptions as HttpsServerOptions } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTls, type TlsMaterial, tlsServerOptions } from '../../src/security/tls.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const DAY_MS = 86_400_000;
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kapita-tls-'));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function modeOf(path: string): number {
  return statSync(path).mode & 0o777;
}

function leafOf(material: TlsMaterial): X509Certificate {
  return new X509Certificate(material.cert);
}

async function listen(material: TlsMaterial): Promise<{ server: tls.Server; port: number }> {
  const server = tls.createServer(tlsServerOptions(material), (socket) => {
    socket.end('hello\n');
  });
  // Handshakes the server refuses are expected in these tests; without a listener they would be unhandled.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

interface Outcome {
  readonly secure: boolean;
  readonly authorized: boolean;
  readonly protocol: string | null;
  readonly error: (Error & { code?: string }) | undefined;
}

/** Connects, records whether the handshake completed and how, then closes. */
function connect(options: tls.ConnectionOptions): Promise<Outcome> {
  return new Promise((resolve) => {
    let secure = false;
    const socket = tls.connect(options);
    socket.once('secureConnect', () => {
      secure = true;
      const outcome = { secure, authorized: socket.authorized, protocol: socket.getProtocol(), error: undefined };
      socket.end();
      resolve(outcome);
    });
    socket.once('error', (error: Error & { code?: string }) => {
      socket.destroy();
      resolve({ secure, authorized: false, protocol: null, error });
    });
  });
}

interface Run {
  readonly code: number | null;
  readonly output: string;
}

/** Runs a command with stdin closed, without blocking the event loop (the server is in this process). */
function run(command: string, args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill(), 20_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('ensureTls: generated material', () => {
  it('creates the CA and server files on first start, keys 0600, with the required extensions', async () => {
    const dataDir = tempDir();
    const started = performance.now();
    const m = await ensureTls(dataDir, { hostnames: ['exchange.example'], now: NOW });
    const elapsedMs = performance.now() - started;
    expect(elapsedMs).toBeLessThan(5_000);

    const tlsDir = join(dataDir, 'tls');
    expect(m.created).toBe(true);
    expect(m.caPath).toBe(join(tlsDir, 'ca.pem'));
    expect(readFileSync(join(tlsDir, 'ca.pem'), 'utf8')).toBe(m.ca);
    expect(readFileSync(join(tlsDir, 'server.pem'), 'utf8')).toBe(m.cert);
    expect(readFileSync(join(tlsDir, 'server-key.pem'), 'utf8')).toBe(m.key);
    expect(modeOf(join(tlsDir, 'ca-key.pem'))).toBe(0o600);
    expect(modeOf(join(tlsDir, 'server-key.pem'))).toBe(0o600);
    expect(m.key).toMatch(/^-----BEGIN PRIVATE KEY-----\n/); // PKCS#8
    expect(readFileSync(join(tlsDir, 'ca-key.pem'), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);

    // The chain is the server certificate, then the CA.
    const blocks = m.cert.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    expect(blocks).toHaveLength(2);
    expect(`${blocks[1] ?? ''}\n`).toBe(m.ca);

    const ca = new x509.X509Certificate(m.ca);
    const caBasic = ca.getExtension(x509.BasicConstraintsExtension);
    expect(caBasic?.ca).toBe(true);
    expect(caBasic?.critical).toBe(true);
    const caUsage = ca.getExtension(x509.KeyUsagesExtension);
    expect(caUsage?.usages).toBe(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign);
    expect(caUsage?.critical).toBe(true);
    expect(ca.publicKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    expect(ca.notAfter.getTime() - ca.notBefore.getTime()).toBeGreaterThanOrEqual(3_652 * DAY_MS);
    expect(await ca.isSelfSigned()).toBe(true);

    const server = new x509.X509Certificate(m.cert);
    expect(server.issuer).toBe(ca.subject);
    expect(await server.verify({ publicKey: ca.publicKey, date: NOW })).toBe(true);
    expect(server.publicKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    expect(server.notAfter.getTime() - server.notBefore.getTime()).toBe(825 * DAY_MS);
    expect(server.notBefore.getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect(server.getExtension(x509.ExtendedKeyUsageExtension)?.usages).toEqual([x509.ExtendedKeyUsage.serverAuth]);
    expect(server.getExtension(x509.KeyUsagesExtension)?.usages).toBe(x509.KeyUsageFlags.digitalSignature);
    expect(server.getExtension(x509.SubjectAlternativeNameExtension)?.names.toJSON()).toEqual([
      { type: 'dns', value: 'exchange.example' },
      { type: 'dns', value: 'localhost' },
      { type: 'ip', value: '127.0.0.1' },
      { type: 'ip', value: '::1' },
    ]);
    // Serials are random, so two installations never share one.
    const other = await ensureTls(tempDir(), { hostnames: [], now: NOW });
    expect(new x509.X509Certificate(other.cert).serialNumber).not.toBe(server.serialNumber);
    expect(new x509.X509Certificate(other.ca).serialNumber).not.toBe(ca.serialNumber);
  });

  it('reuses the files on later starts, and re-issues the server cert from the same CA when needed', async () => {
    const dataDir = tempDir();
    const first = await ensureTls(dataDir, { hostnames: ['a.example', '*.wild.example'], now: NOW });
    const caKey = readFileSync(join(dataDir, 'tls', 'ca-key.pem'), 'utf8');

    // The same names spelled differently are the same names: nothing is re-issued.
    const second = await ensureTls(dataDir, { hostnames: ['A.example.', '[0:0::1]', '*.WILD.example'], now: new Date(NOW.getTime() + DAY_MS) });
    expect(second).toEqual({ ...first, created: false });

    // A hostname the certificate lacks: new server key and cert, same CA.
    const third = await ensureTls(dataDir, { hostnames: ['a.example', 'b.example', '10.1.2.3'], now: NOW });
    expect(third.created).toBe(false);
    expect(third.ca).toBe(first.ca);
    expect(readFileSync(join(dataDir, 'tls', 'ca-key.pem'), 'utf8')).toBe(caKey);
    expect(third.key).not.toBe(first.key);
    expect(third.cert).not.toBe(first.cert);
    expect(leafOf(third).checkHost('b.example')).toBe('b.example');
    expect(leafOf(third).checkIP('10.1.2.3')).toBe('10.1.2.3');
    expect(leafOf(third).checkIP('::1')).toBe('::1');
    expect(leafOf(third).checkIssued(new X509Certificate(first.ca))).toBe(true);
    expect(modeOf(join(dataDir, 'tls', 'server-key.pem'))).toBe(0o600);

    // Fewer names than the certificate has is fine: no re-issue.
    expect(await ensureTls(dataDir, { hostnames: ['b.example'], now: NOW })).toEqual(third);

    // Within 30 days of expiry: re-issued, valid for another 825 days from the new now, same CA.
    const late = new Date(NOW.getTime() + 800 * DAY_MS);
    const renewed = await ensureTls(dataDir, { hostnames: ['a.example'], now: late });
    expect(renewed.ca).toBe(first.ca);
    expect(renewed.cert).not.toBe(third.cert);
    expect(Date.parse(leafOf(renewed).validTo)).toBeGreaterThan(late.getTime() + 800 * DAY_MS);
    expect(leafOf(renewed).checkHost('b.example')).toBeUndefined(); // names are those asked for now

    // A damaged server key is replaced rather than served.
    rmSync(join(dataDir, 'tls', 'server-key.pem'));
    const repaired = await ensureTls(dataDir, { hostnames: ['a.example'], now: late });
    expect(repaired.ca).toBe(first.ca);
    expect(repaired.key).not.toBe(renewed.key);
  });

  it('refuses to replace a CA whose key is gone, and rejects hostnames that are not names', async () => {
    const dataDir = tempDir();
    await ensureTls(dataDir, { hostnames: [], now: NOW });
    rmSync(join(dataDir, 'tls', 'ca-key.pem'));
    await expect(ensureTls(dataDir, { hostnames: [], now: NOW })).rejects.toThrow(/ca-key\.pem cannot be read/);
    await expect(ensureTls(tempDir(), { hostnames: ['bad host'], now: NOW })).rejects.toThrow(/"bad host"/);
  });
});

describe('ensureTls: operator files', () => {
  it('reads the files it is given, generating nothing', async () => {
    const dataDir = tempDir();
    const generated = await ensureTls(dataDir, { hostnames: [], now: NOW });
    const tlsDir = join(dataDir, 'tls');
    const files = { certFile: join(tlsDir, 'server.pem'), keyFile: join(tlsDir, 'server-key.pem'), caFile: join(tlsDir, 'ca.pem') };
    const emptyDir = tempDir();
    const m = await ensureTls(emptyDir, { files, hostnames: ['ignored.example'], now: NOW });
    expect(m).toEqual({ ...generated, created: false });
    expect(() => statSync(join(emptyDir, 'tls'))).toThrow();

    // Without caFile, the top of the certificate chain stands in for the CA.
    const noCa = await ensureTls(emptyDir, { files: { certFile: files.certFile, keyFile: files.keyFile }, hostnames: [], now: NOW });
    expect(new X509Certificate(noCa.ca).fingerprint256).toBe(new X509Certificate(generated.ca).fingerprint256);
    expect(noCa.caPath).toBeUndefined();
  });

  it('names the file that is missing, not PEM, or does not fit', async () => {
    const dataDir = tempDir();
    await ensureTls(dataDir, { hostnames: [], now: NOW });
    const tlsDir = join(dataDir, 'tls');
    const certFile = join(tlsDir, 'server.pem');
    const keyFile = join(tlsDir, 'server-key.pem');
    const missing = join(tlsDir, 'nope.pem');
    const now = NOW;

    await expect(ensureTls(dataDir, { files: { certFile: missing, keyFile }, hostnames: [], now })).rejects.toThrow(`TLS certFile ${missing} cannot be read`);
    await expect(ensureTls(dataDir, { files: { certFile, keyFile: missing }, hostnames: [], now })).rejects.toThrow(`TLS keyFile ${missing} cannot be read`);
    await expect(ensureTls(dataDir, { files: { certFile, keyFile, caFile: missing }, hostnames: [], now })).rejects.toThrow(`TLS caFile ${missing} cannot be read`);
    const notPem = join(tlsDir, 'notes.txt');
    writeFileSync(notPem, 'a certificate, honest\n');
    await expect(ensureTls(dataDir, { files: { certFile: notPem, keyFile }, hostnames: [], now })).rejects.toThrow(`TLS certFile ${notPem} is not a PEM file`);
    // A key that is PEM but not a certificate, and a key that belongs to another certificate.
    await expect(ensureTls(dataDir, { files: { certFile: keyFile, keyFile }, hostnames: [], now })).rejects.toThrow(`TLS certFile ${keyFile} holds no PEM certificate`);
    const caKey = join(tlsDir, 'ca-key.pem');
    await expect(ensureTls(dataDir, { files: { certFile, keyFile: caKey }, hostnames: [], now })).rejects.toThrow(`TLS keyFile ${caKey} does not match`);
    const expired = new Date(NOW.getTime() + 900 * DAY_MS);
    await expect(ensureTls(dataDir, { files: { certFile, keyFile }, hostnames: [], now: expired })).rejects.toThrow(/certificate expired/);
  });
});

describe('TLS 1.3-only listener', () => {
  let dataDir: string;
  let material: TlsMaterial;
  let server: tls.Server;
  let port: number;

  beforeAll(async () => {
    dataDir = tempDir();
    material = await ensureTls(dataDir, { hostnames: ['exchange.example'], now: new Date() });
    ({ server, port } = await listen(material));
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('returns options pinned to TLS 1.3 with a handshake timeout', () => {
    expect(tlsServerOptions(material)).toEqual({ key: material.key, cert: material.cert, minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3', handshakeTimeout: 10_000 });
    expect(tlsServerOptions(material, 2_500).handshakeTimeout).toBe(2_500);
    // What fastify's `https` option and https.createServer take (checked by the compiler).
    const forHttps: HttpsServerOptions = tlsServerOptions(material);
    expect(forHttps.minVersion).toBe('TLSv1.3');
  });

  it('completes a verified TLS 1.3 handshake by DNS name and by IP address', async () => {
    for (const servername of ['localhost', 'exchange.example']) {
      const byName = await connect({ host: '127.0.0.1', port, ca: material.ca, servername });
      expect(byName).toMatchObject({ secure: true, authorized: true, protocol: 'TLSv1.3' });
    }
    // No servername: node checks the certificate against the IP address it connected to.
    const byIp = await connect({ host: '127.0.0.1', port, ca: material.ca });
    expect(byIp).toMatchObject({ secure: true, authorized: true, protocol: 'TLSv1.3' });
    // ...and the identity check is real: a name the certificate does not carry is refused.
    const wrongName = await connect({ host: '127.0.0.1', port, ca: material.ca, servername: 'evil.example' });
    expect(wrongName.secure).toBe(false);
    expect(wrongName.error?.code).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
  });

  it('refuses a TLS 1.2 client from node', async () => {
    const outcome = await connect({ host: '127.0.0.1', port, ca: material.ca, servername: 'localhost', maxVersion: 'TLSv1.2' });
    expect(outcome.secure).toBe(false);
    expect(outcome.error).toBeDefined();
    expect(outcome.error?.message).toMatch(/protocol version|alert/i);
  });

  it('fails verification for a client that does not trust the generated CA', async () => {
    const outcome = await connect({ host: '127.0.0.1', port, servername: 'localhost' });
    expect(outcome.secure).toBe(false);
    expect(outcome.error?.code).toBe('SELF_SIGNED_CERT_IN_CHAIN');
  });

  it('refuses openssl s_client -tls1_2 and accepts -tls1_3 with the CA', async () => {
    let version: Run;
    try {
      version = await run('openssl', ['version']);
    } catch (error) {
      throw new Error(`openssl is required by this test and was not found on PATH (CI installs it): ${String(error)}`, { cause: error });
    }
    expect(version.code, version.output).toBe(0);

    const old = await run('openssl', ['s_client', '-connect', `127.0.0.1:${port}`, '-servername', 'localhost', '-tls1_2']);
    expect(old.code, old.output).not.toBe(0);
    expect(old.output).toMatch(/alert protocol version/);
    // s_client prints its session summary even after a failed handshake, "Protocol  : TLSv1.2"
    // included (that is the version it offered); the evidence of refusal is no cipher and no certificate.
    expect(old.output).toMatch(/Cipher is \(NONE\)/);
    expect(old.output).toMatch(/no peer certificate available/);

    const caFile = material.caPath ?? '';
    const modern = await run('openssl', ['s_client', '-connect', `127.0.0.1:${port}`, '-servername', 'localhost', '-tls1_3', '-CAfile', caFile, '-verify_hostname', 'localhost', '-verify_return_error', '-ignore_unexpected_eof']);
    expect(modern.code, modern.output).toBe(0);
    expect(modern.output).toMatch(/TLSv1\.3/);
    expect(modern.output).toMatch(/Verify return code: 0 \(ok\)/);
  });
});
