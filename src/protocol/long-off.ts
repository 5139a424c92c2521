// Turns off protobufjs's optional Long support for the whole process, so 64-bit fields decode as JS
// numbers (the venue keeps ids and seqs below 2^53). A module of its own, imported by wire.ts before
// the generated code: ES modules run in import order, and the generated classes capture their
// prototype defaults (a Long zero or a number zero) when they are first evaluated.
import protobuf from 'protobufjs/minimal.js';

(protobuf.util as { Long: unknown }).Long = undefined;
protobuf.configure();
