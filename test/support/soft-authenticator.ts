// A software FIDO2 authenticator and browser client in one, for tests: it holds one ES256 (P-256)
// credential made with node:crypto and answers `navigator.credentials.create()` and `.get()` options
// with the JSON a browser's `PublicKeyCredential.toJSON()` gives. The responses are real (CBOR
// attestation objects, COSE keys, ECDSA signatures over authData || SHA-256(clientDataJSON)), so
// the server library verifies them exactly as it would a hardware key's; nothing is mocked.
//
// The client side can be made to lie (another origin, another RP ID, a counter that went backwards,
// a bad signature) to test the server's refusals.
//
// CBOR comes from @levischuck/tiny-cbor, the encoder @simplewebauthn/server itself decodes with. It
// is installed as that library's dependency, not the project's own.
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { type CBORType, encodeCBOR } from '@levischuck/tiny-cbor';
import type { AuthenticationResponseJSON, PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON, RegistrationResponseJSON } from '@simplewebauthn/server';

/** Authenticator data flags (WebAuthn §6.1). */
const UP = 0x01;
const UV = 0x04;
const AT = 0x40;
/** COSE: key type EC2, algorithm ES256, curve P-256 (RFC 9053). */
const COSE_KTY_EC2 = 2;
const COSE_ALG_ES256 = -7;
const COSE_CRV_P256 = 1;

/** How the client and authenticator behave for one ceremony. */
export interface CeremonyOptions {
  /** The origin the browser puts in clientDataJSON. */
  origin: string;
  /** Signs for this RP ID instead of the one in the options (a phishing site's, say). */
  rpId?: string;
  /** Puts this challenge in clientDataJSON instead of the options'. */
  challenge?: string;
  /** Puts this type in clientDataJSON instead of webauthn.create / webauthn.get. */
  type?: string;
  /** Clears the UV flag, as a key without a PIN or biometric does. Default true. */
  userVerified?: boolean;
}

export interface RegisterOptions extends CeremonyOptions {
  /** Attestation statement format: 'none' (default) or 'packed' self attestation. */
  fmt?: 'none' | 'packed';
  /** With 'packed': signs something else, so the attestation signature does not verify. */
  corruptSignature?: boolean;
}

export interface AuthenticateOptions extends CeremonyOptions {
  /** Reports this signature counter instead of the next one (and leaves the real one alone). */
  counter?: number;
  /** Signs something else, so the signature is well-formed DER that does not verify. */
  corruptSignature?: boolean;
  /** Answers even if the options' allowCredentials does not list this credential. */
  ignoreAllowCredentials?: boolean;
}

/** One FIDO2 credential on a software authenticator. */
export class SoftAuthenticator {
  /** The credential ID, base64url. */
  readonly id: string;
  readonly aaguid: Buffer;
  private readonly credentialId: Buffer;
  private readonly privateKey: KeyObject;
  private readonly publicKeySpki: Buffer;
  private readonly coseKey: Buffer;
  private signCount: number;
  private userHandle: string | undefined;

  constructor(options: { signCount?: number; aaguid?: Buffer } = {}) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = privateKey;
    this.publicKeySpki = publicKey.export({ type: 'spki', format: 'der' });
    const jwk = publicKey.export({ format: 'jwk' });
    if (jwk.x === undefined || jwk.y === undefined) throw new Error('P-256 public key without coordinates');
    this.coseKey = cbor(
      new Map<string | number, CBORType>([
        [1, COSE_KTY_EC2],
        [3, COSE_ALG_ES256],
        [-1, COSE_CRV_P256],
        [-2, bytes(Buffer.from(jwk.x, 'base64url'))],
        [-3, bytes(Buffer.from(jwk.y, 'base64url'))],
      ]),
    );
    this.credentialId = randomBytes(32);
    this.id = this.credentialId.toString('base64url');
    this.aaguid = options.aaguid ?? Buffer.alloc(16);
    this.signCount = options.signCount ?? 0;
  }

  /** The signature counter as the authenticator holds it. */
  get counter(): number {
    return this.signCount;
  }

  /** `navigator.credentials.create({ publicKey: options })`, then `.toJSON()`. */
  register(options: PublicKeyCredentialCreationOptionsJSON, client: RegisterOptions): RegistrationResponseJSON {
    if (!options.pubKeyCredParams.some((p) => p.alg === COSE_ALG_ES256)) throw new Error('NotSupportedError: ES256 not offered');
    // What a real authenticator does (WebAuthn §6.3.2 step 3): never registers itself twice.
    if (options.excludeCredentials?.some((c) => c.id === this.id) === true) throw new Error('InvalidStateError: credential already registered');
    const rpId = client.rpId ?? options.rp.id;
    if (rpId === undefined) throw new Error('no RP ID');
    this.userHandle = options.user.id;

    const clientDataJSON = this.clientData(client.type ?? 'webauthn.create', client.challenge ?? options.challenge, client.origin);
    const credentialData = Buffer.alloc(18);
    this.aaguid.copy(credentialData, 0);
    credentialData.writeUInt16BE(this.credentialId.length, 16);
    const authData = Buffer.concat([this.authDataHead(rpId, AT | this.uvFlag(client), this.signCount), credentialData, this.credentialId, this.coseKey]);

    const fmt = client.fmt ?? 'none';
    const attStmt = new Map<string | number, CBORType>();
    if (fmt === 'packed') {
      // Self attestation (WebAuthn §8.2): signed with the credential's own key, no certificate.
      attStmt.set('alg', COSE_ALG_ES256);
      const signed = Buffer.concat([authData, sha256(clientDataJSON)]);
      if (client.corruptSignature === true) flipLastBit(signed);
      attStmt.set('sig', bytes(sign('sha256', signed, this.privateKey)));
    }
    const attestationObject = cbor(
      new Map<string | number, CBORType>([
        ['fmt', fmt],
        ['attStmt', attStmt],
        ['authData', bytes(authData)],
      ]),
    );

    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      authenticatorAttachment: 'cross-platform',
      clientExtensionResults: {},
      response: {
        clientDataJSON: clientDataJSON.toString('base64url'),
        attestationObject: attestationObject.toString('base64url'),
        authenticatorData: authData.toString('base64url'),
        transports: ['usb'],
        publicKeyAlgorithm: COSE_ALG_ES256,
        publicKey: this.publicKeySpki.toString('base64url'),
      },
    };
  }

  /** `navigator.credentials.get({ publicKey: options })`, then `.toJSON()`. Counts one use. */
  authenticate(options: PublicKeyCredentialRequestOptionsJSON, client: AuthenticateOptions): AuthenticationResponseJSON {
    const allowed = options.allowCredentials ?? [];
    if (client.ignoreAllowCredentials !== true && allowed.length > 0 && !allowed.some((c) => c.id === this.id)) throw new Error('NotAllowedError: credential not in allowCredentials');
    const rpId = client.rpId ?? options.rpId;
    if (rpId === undefined) throw new Error('no RP ID');
    let counter: number;
    if (client.counter === undefined) counter = ++this.signCount;
    else counter = client.counter;

    const clientDataJSON = this.clientData(client.type ?? 'webauthn.get', client.challenge ?? options.challenge, client.origin);
    const authData = this.authDataHead(rpId, this.uvFlag(client), counter);
    const signed = Buffer.concat([authData, sha256(clientDataJSON)]);
    if (client.corruptSignature === true) flipLastBit(signed);
    const signature = sign('sha256', signed, this.privateKey);

    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      authenticatorAttachment: 'cross-platform',
      clientExtensionResults: {},
      response: {
        clientDataJSON: clientDataJSON.toString('base64url'),
        authenticatorData: authData.toString('base64url'),
        signature: signature.toString('base64url'),
        ...(this.userHandle === undefined ? {} : { userHandle: this.userHandle }),
      },
    };
  }

  /** CollectedClientData (WebAuthn §5.8.1), serialised in the browser's member order. */
  private clientData(type: string, challenge: string, origin: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }), 'utf8');
  }

  /** rpIdHash (32) | flags (1) | signCount (4, big-endian): the start of authenticator data. */
  private authDataHead(rpId: string, flags: number, signCount: number): Buffer {
    const head = Buffer.alloc(37);
    sha256(Buffer.from(rpId, 'utf8')).copy(head, 0);
    head.writeUInt8(UP | flags, 32);
    head.writeUInt32BE(signCount, 33);
    return head;
  }

  private uvFlag(client: CeremonyOptions): number {
    return client.userVerified === false ? 0 : UV;
  }
}

function flipLastBit(data: Buffer): void {
  data.writeUInt8(data.readUInt8(data.length - 1) ^ 1, data.length - 1);
}

function sha256(data: Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}

/** A plain Uint8Array view: the CBOR encoder checks for Uint8Array, and a Buffer is one, but be explicit. */
function bytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function cbor(value: CBORType): Buffer {
  return Buffer.from(encodeCBOR(value));
}
