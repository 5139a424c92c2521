// The one place the SDK reaches outside sdk/: the venue's frame codec (src/protocol/wire.ts) over
// the code generated from proto/kapita/v1/kapita.proto (src/protocol/pb/). The schema has a single
// source of truth; the SDK's build (sdk/tsconfig.json, `npm run build -w @kapita/sdk`) compiles
// wire.ts into sdk/dist/src/protocol/ and copies the generated pb/ next to it, so the published
// package imports only its own files plus its declared dependencies (protobufjs, ws).
export { decodeEnvelope, type Envelope, type EnvelopeInput, encodeEnvelope, envelopeFromJson, envelopeToJson, kapita, pb } from '../src/protocol/wire.js';
