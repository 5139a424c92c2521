// The pipeline's public face: rings over SharedArrayBuffer and the strategies threads wait with.
export {
  MAX_RING_BYTES,
  MAX_SLOT_BYTES,
  MAX_SLOTS,
  RingBuffer,
  RingTimeoutError,
  type AttachOptions,
  type ProducerMode,
  type RecordHandler,
  type RecordWriter,
  type RingBufferOptions,
} from './ring-buffer.js';
export { BlockingWait, BusySpinWait, YieldingWait, type WaitStrategy, type YieldingWaitOptions } from './wait-strategy.js';
