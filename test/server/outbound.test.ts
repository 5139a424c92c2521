// The per-connection outbound queue: responses first, L2 conflation while the reader is behind, and
// a reader that stays behind is dropped with a reason. A fake socket stands in for the network so
// that "behind" is exact: bufferedAmount is whatever the test says the kernel has not taken yet.
import { describe, expect, it } from 'vitest';
import { Outbound, type PendingBook, SLOW_CONSUMER, type SocketLike } from '../../src/gateway/ws/outbound.js';

class FakeSocket implements SocketLike {
  bufferedAmount = 0;
  readonly sent: string[] = [];
  closed: { code: number; reason: string } | undefined;
  private readonly callbacks: (() => void)[] = [];

  send(data: Uint8Array | string, callback: (error?: Error | null) => void): void {
    this.sent.push(typeof data === 'string' ? data : `binary ${data.length}`);
    // As ws does: null on success.
    this.callbacks.push(() => {
      callback(null);
    });
  }

  close(code: number, reason: string): void {
    this.closed = { code, reason };
  }

  /** The reader catches up: the kernel takes everything and the send callbacks run. */
  drain(): void {
    this.bufferedAmount = 0;
    for (const callback of this.callbacks.splice(0)) callback();
  }
}

const encodeBook = (symbol: string, book: PendingBook): string =>
  `L2 ${symbol} ${book.prevSeq}->${book.seq} ${[...book.levels.values()].map((l) => `${l.side}:${l.price}=${l.quantity}`).join(',')}`;

const limits = { highWaterBytes: 1000, maxMarketData: 5, maxResponses: 100, maxBehindMs: 50, maxBufferedBytes: 100_000 };
/** Writes queued market data at once (the server defers it with setImmediate; one test checks that). */
const now = (write: () => void): void => {
  write();
};

describe('outbound queue', () => {
  it('sends a response ahead of market data queued while the reader was behind', () => {
    const socket = new FakeSocket();
    const out = new Outbound(socket, encodeBook, limits, undefined, now);
    socket.bufferedAmount = 5000; // behind
    out.marketFrame('trade 1');
    out.marketFrame('trade 2');
    out.response('order accepted');
    expect(socket.sent).toEqual(['order accepted']);
    socket.drain();
    expect(socket.sent).toEqual(['order accepted', 'trade 1', 'trade 2']);
  });

  it('conflates L2 updates per symbol while behind: latest quantity per level, first prevSeq, newest seq', () => {
    const socket = new FakeSocket();
    const out = new Outbound(socket, encodeBook, limits, undefined, now);
    out.bookUpdate('BTC-USD', 0, 10, [{ side: 1, price: '100', quantity: '5' }]);
    expect(socket.sent).toEqual(['L2 BTC-USD 0->10 1:100=5']);
    socket.bufferedAmount = 5000;
    out.bookUpdate('BTC-USD', 10, 11, [{ side: 1, price: '100', quantity: '4' }]);
    out.bookUpdate('BTC-USD', 11, 12, [{ side: 2, price: '101', quantity: '1' }]);
    out.bookUpdate('ETH-USD', 0, 13, [{ side: 1, price: '9', quantity: '1' }]);
    out.bookUpdate('BTC-USD', 12, 14, [{ side: 1, price: '100', quantity: '0' }]);
    expect(out.conflated).toBe(2);
    expect(out.queuedMarketData).toBe(2);
    socket.drain();
    expect(socket.sent.slice(1)).toEqual(['L2 BTC-USD 10->14 1:100=0,2:101=1', 'L2 ETH-USD 0->13 1:9=1']);
  });

  it('drops a reader that stays behind, with a reason', () => {
    let clock = 0;
    const socket = new FakeSocket();
    const out = new Outbound(socket, encodeBook, limits, () => clock, now);
    socket.bufferedAmount = 5000;
    out.marketFrame('trade 1');
    clock = 30;
    out.marketFrame('trade 2');
    expect(socket.closed).toBeUndefined();
    clock = 81;
    out.marketFrame('trade 3');
    expect(socket.closed).toEqual({ code: SLOW_CONSUMER, reason: 'slow consumer: behind for more than 50 ms' });
    out.response('too late');
    expect(socket.sent).toEqual([]);
  });

  it('drops a reader whose market-data queue overflows, even within the time allowed', () => {
    const socket = new FakeSocket();
    const out = new Outbound(socket, encodeBook, limits, () => 0, now);
    socket.bufferedAmount = 5000;
    for (let i = 0; i < 6; i++) out.marketFrame(`trade ${i}`);
    expect(socket.closed?.reason).toBe('slow consumer: 6 market-data messages queued');
  });

  it('keeps a reader that catches up in time', () => {
    let clock = 0;
    const socket = new FakeSocket();
    const out = new Outbound(socket, encodeBook, limits, () => clock, now);
    socket.bufferedAmount = 5000;
    out.marketFrame('trade 1');
    clock = 40;
    socket.drain();
    clock = 200;
    out.marketFrame('trade 2');
    expect(socket.closed).toBeUndefined();
    expect(socket.sent).toEqual(['trade 1', 'trade 2']);
  });

  it('forgets a waiting L2 update of a symbol (unsubscribe, or a new snapshot)', () => {
    const socket = new FakeSocket();
    const out = new Outbound(socket, encodeBook, limits, undefined, now);
    socket.bufferedAmount = 5000;
    out.bookUpdate('BTC-USD', 10, 11, [{ side: 1, price: '100', quantity: '4' }]);
    out.marketFrame('trade 1');
    out.forgetBook('BTC-USD');
    out.bookUpdate('BTC-USD', 20, 21, [{ side: 2, price: '101', quantity: '1' }]);
    socket.drain();
    out.flush(); // nothing was in flight, so no send callback flushes
    expect(socket.sent).toEqual(['trade 1', 'L2 BTC-USD 20->21 2:101=1']);
  });

  it('by default writes market data only after the current task, so a response sent in it goes first', async () => {
    const socket = new FakeSocket();
    const out = new Outbound(socket, encodeBook, limits);
    out.marketFrame('trade 1');
    out.bookUpdate('BTC-USD', 1, 2, [{ side: 1, price: '100', quantity: '1' }]);
    out.response('order accepted');
    expect(socket.sent).toEqual(['order accepted', 'trade 1', 'L2 BTC-USD 1->2 1:100=1']);
    out.marketFrame('trade 2');
    expect(socket.sent).toHaveLength(3);
    await new Promise((resolve) => setImmediate(resolve));
    expect(socket.sent.at(-1)).toBe('trade 2');
  });

  it('drops a client that never reads its responses, and a reader whose merged update cannot be encoded', () => {
    const socket = new FakeSocket();
    const out = new Outbound(socket, encodeBook, limits, undefined, now);
    socket.bufferedAmount = 100_001;
    out.response('pong');
    expect(socket.closed).toEqual({ code: SLOW_CONSUMER, reason: 'slow consumer: 100001 bytes unread' });
    const other = new FakeSocket();
    const tooLarge = new Outbound(
      other,
      () => {
        throw new Error('frame too large');
      },
      limits,
      undefined,
      now,
    );
    tooLarge.bookUpdate('BTC-USD', 1, 2, [{ side: 1, price: '100', quantity: '1' }]);
    expect(other.closed?.reason).toBe('book update of BTC-USD cannot be sent (frame too large); resubscribe for a snapshot');
  });
});
