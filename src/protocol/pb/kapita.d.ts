import * as $protobuf from "protobufjs/minimal.js";
import Long = require("long");

/** Namespace kapita. */
export namespace kapita {

    /** Namespace v1. */
    namespace v1 {

        /**
         * Properties of an Envelope.
         * @deprecated Use kapita.v1.Envelope.$Properties instead.
         */
        interface IEnvelope extends kapita.v1.Envelope.$Properties {
        }

        /** Represents an Envelope. */
        class Envelope {

            /**
             * Constructs a new Envelope.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.Envelope.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Envelope requestId. */
            requestId: number;

            /** Envelope placeOrder. */
            placeOrder?: (kapita.v1.PlaceOrder.$Properties|null);

            /** Envelope cancelOrder. */
            cancelOrder?: (kapita.v1.CancelOrder.$Properties|null);

            /** Envelope amendOrder. */
            amendOrder?: (kapita.v1.AmendOrder.$Properties|null);

            /** Envelope massCancel. */
            massCancel?: (kapita.v1.MassCancel.$Properties|null);

            /** Envelope orderResponse. */
            orderResponse?: (kapita.v1.OrderResponse.$Properties|null);

            /** Envelope executionReport. */
            executionReport?: (kapita.v1.ExecutionReport.$Properties|null);

            /** Envelope bookUpdate. */
            bookUpdate?: (kapita.v1.BookUpdate.$Properties|null);

            /** Envelope topOfBook. */
            topOfBook?: (kapita.v1.TopOfBook.$Properties|null);

            /** Envelope trade. */
            trade?: (kapita.v1.Trade.$Properties|null);

            /** Envelope bookSnapshot. */
            bookSnapshot?: (kapita.v1.BookSnapshot.$Properties|null);

            /** Envelope l3Update. */
            l3Update?: (kapita.v1.L3Update.$Properties|null);

            /** Envelope candle. */
            candle?: (kapita.v1.Candle.$Properties|null);

            /** Envelope heartbeat. */
            heartbeat?: (kapita.v1.Heartbeat.$Properties|null);

            /** Envelope error. */
            error?: (kapita.v1.Error.$Properties|null);

            /** Envelope authRequest. */
            authRequest?: (kapita.v1.AuthRequest.$Properties|null);

            /** Envelope authResponse. */
            authResponse?: (kapita.v1.AuthResponse.$Properties|null);

            /** Envelope subscribe. */
            subscribe?: (kapita.v1.Subscribe.$Properties|null);

            /** Envelope unsubscribe. */
            unsubscribe?: (kapita.v1.Unsubscribe.$Properties|null);

            /** Envelope subscribeResponse. */
            subscribeResponse?: (kapita.v1.SubscribeResponse.$Properties|null);

            /** Envelope ping. */
            ping?: (kapita.v1.Ping.$Properties|null);

            /** Envelope pong. */
            pong?: (kapita.v1.Pong.$Properties|null);

            /** Envelope cancelResponse. */
            cancelResponse?: (kapita.v1.CancelResponse.$Properties|null);

            /** Envelope massCancelResponse. */
            massCancelResponse?: (kapita.v1.MassCancelResponse.$Properties|null);

            /** Envelope balanceUpdate. */
            balanceUpdate?: (kapita.v1.BalanceUpdate.$Properties|null);

            /** Envelope body. */
            body?: ("placeOrder"|"cancelOrder"|"amendOrder"|"massCancel"|"orderResponse"|"executionReport"|"bookUpdate"|"topOfBook"|"trade"|"bookSnapshot"|"l3Update"|"candle"|"heartbeat"|"error"|"authRequest"|"authResponse"|"subscribe"|"unsubscribe"|"subscribeResponse"|"ping"|"pong"|"cancelResponse"|"massCancelResponse"|"balanceUpdate");

            /**
             * Creates a new Envelope instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Envelope instance
             */
            static create(properties: kapita.v1.Envelope.$Shape): kapita.v1.Envelope & kapita.v1.Envelope.$Shape;
            static create(properties?: kapita.v1.Envelope.$Properties): kapita.v1.Envelope;

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link kapita.v1.Envelope.verify|verify} messages.
             * @param message Envelope message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.Envelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.Envelope & kapita.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.Envelope & kapita.v1.Envelope.$Shape;

            /**
             * Creates an Envelope message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Envelope
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.Envelope;

            /**
             * Creates a plain object from an Envelope message. Also converts values to other types if specified.
             * @param message Envelope
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.Envelope, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Envelope to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Envelope {

            /** Properties of an Envelope. */
            interface $Properties {

                /** Envelope requestId */
                requestId?: (number|null);

                /** Envelope placeOrder */
                placeOrder?: (kapita.v1.PlaceOrder.$Properties|null);

                /** Envelope cancelOrder */
                cancelOrder?: (kapita.v1.CancelOrder.$Properties|null);

                /** Envelope amendOrder */
                amendOrder?: (kapita.v1.AmendOrder.$Properties|null);

                /** Envelope massCancel */
                massCancel?: (kapita.v1.MassCancel.$Properties|null);

                /** Envelope orderResponse */
                orderResponse?: (kapita.v1.OrderResponse.$Properties|null);

                /** Envelope executionReport */
                executionReport?: (kapita.v1.ExecutionReport.$Properties|null);

                /** Envelope bookUpdate */
                bookUpdate?: (kapita.v1.BookUpdate.$Properties|null);

                /** Envelope topOfBook */
                topOfBook?: (kapita.v1.TopOfBook.$Properties|null);

                /** Envelope trade */
                trade?: (kapita.v1.Trade.$Properties|null);

                /** Envelope bookSnapshot */
                bookSnapshot?: (kapita.v1.BookSnapshot.$Properties|null);

                /** Envelope l3Update */
                l3Update?: (kapita.v1.L3Update.$Properties|null);

                /** Envelope candle */
                candle?: (kapita.v1.Candle.$Properties|null);

                /** Envelope heartbeat */
                heartbeat?: (kapita.v1.Heartbeat.$Properties|null);

                /** Envelope error */
                error?: (kapita.v1.Error.$Properties|null);

                /** Envelope authRequest */
                authRequest?: (kapita.v1.AuthRequest.$Properties|null);

                /** Envelope authResponse */
                authResponse?: (kapita.v1.AuthResponse.$Properties|null);

                /** Envelope subscribe */
                subscribe?: (kapita.v1.Subscribe.$Properties|null);

                /** Envelope unsubscribe */
                unsubscribe?: (kapita.v1.Unsubscribe.$Properties|null);

                /** Envelope subscribeResponse */
                subscribeResponse?: (kapita.v1.SubscribeResponse.$Properties|null);

                /** Envelope ping */
                ping?: (kapita.v1.Ping.$Properties|null);

                /** Envelope pong */
                pong?: (kapita.v1.Pong.$Properties|null);

                /** Envelope cancelResponse */
                cancelResponse?: (kapita.v1.CancelResponse.$Properties|null);

                /** Envelope massCancelResponse */
                massCancelResponse?: (kapita.v1.MassCancelResponse.$Properties|null);

                /** Envelope balanceUpdate */
                balanceUpdate?: (kapita.v1.BalanceUpdate.$Properties|null);

                /** Envelope body */
                body?: ("placeOrder"|"cancelOrder"|"amendOrder"|"massCancel"|"orderResponse"|"executionReport"|"bookUpdate"|"topOfBook"|"trade"|"bookSnapshot"|"l3Update"|"candle"|"heartbeat"|"error"|"authRequest"|"authResponse"|"subscribe"|"unsubscribe"|"subscribeResponse"|"ping"|"pong"|"cancelResponse"|"massCancelResponse"|"balanceUpdate");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of an Envelope. */
            type $Shape = {
              requestId?: number|null;
              placeOrder?: kapita.v1.PlaceOrder.$Shape|null;
              cancelOrder?: kapita.v1.CancelOrder.$Shape|null;
              amendOrder?: kapita.v1.AmendOrder.$Shape|null;
              massCancel?: kapita.v1.MassCancel.$Shape|null;
              orderResponse?: kapita.v1.OrderResponse.$Shape|null;
              executionReport?: kapita.v1.ExecutionReport.$Shape|null;
              bookUpdate?: kapita.v1.BookUpdate.$Shape|null;
              topOfBook?: kapita.v1.TopOfBook.$Shape|null;
              trade?: kapita.v1.Trade.$Shape|null;
              bookSnapshot?: kapita.v1.BookSnapshot.$Shape|null;
              l3Update?: kapita.v1.L3Update.$Shape|null;
              candle?: kapita.v1.Candle.$Shape|null;
              heartbeat?: kapita.v1.Heartbeat.$Shape|null;
              error?: kapita.v1.Error.$Shape|null;
              authRequest?: kapita.v1.AuthRequest.$Shape|null;
              authResponse?: kapita.v1.AuthResponse.$Shape|null;
              subscribe?: kapita.v1.Subscribe.$Shape|null;
              unsubscribe?: kapita.v1.Unsubscribe.$Shape|null;
              subscribeResponse?: kapita.v1.SubscribeResponse.$Shape|null;
              ping?: kapita.v1.Ping.$Shape|null;
              pong?: kapita.v1.Pong.$Shape|null;
              cancelResponse?: kapita.v1.CancelResponse.$Shape|null;
              massCancelResponse?: kapita.v1.MassCancelResponse.$Shape|null;
              balanceUpdate?: kapita.v1.BalanceUpdate.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; placeOrder?: null; cancelOrder?: null; amendOrder?: null; massCancel?: null; orderResponse?: null; executionReport?: null; bookUpdate?: null; topOfBook?: null; trade?: null; bookSnapshot?: null; l3Update?: null; candle?: null; heartbeat?: null; error?: null; authRequest?: null; authResponse?: null; subscribe?: null; unsubscribe?: null; subscribeResponse?: null; ping?: null; pong?: null; cancelResponse?: null; massCancelResponse?: null; balanceUpdate?: null }|{ body?: "placeOrder"; placeOrder: kapita.v1.PlaceOrder.$Shape; cancelOrder?: null; amendOrder?: null; massCancel?: null; orderResponse?: null; executionReport?: null; bookUpdate?: null; topOfBook?: null; trade?: null; bookSnapshot?: null; l3Update?: null; candle?: null; heartbeat?: null; error?: null; authRequest?: null; authResponse?: null; subscribe?: null; unsubscribe?: null; subscribeResponse?: null; ping?: null; pong?: null; cancelResponse?: null; massCancelResponse?: null; balanceUpdate?: null }|{ body?: "cancelOrder"; placeOrder?: null; cancelOrder: kapita.v1.CancelOrder.$Shape; amendOrder?: null; massCancel?: null; orderResponse?: null; executionReport?: null; bookUpdate?: null; topOfBook?: null; trade?: null; bookSnapshot?: null; l3Update?: null; candle?: null; heartbeat?: null; error?: null; authRequest?: null; authResponse?: null; subscribe?: null; unsubscribe?: null; subscribeResponse?: null; ping?: null; pong?: null; cancelResponse?: null; massCancelResponse?: null; balanceUpdate?: null }|{ body?: "amendOrder"; placeOrder?: null; cancelOrder?: null; amendOrder: kapita.v1.AmendOrder.$Shape; massCancel?: null; orderResponse?: null; executionReport?: null; bookUpdate?: null; topOfBook?: null; trade?: null; bookSnapshot?: null; l3Update?: null; candle?: null; heartbeat?: null; error?: null; authRequest?: null; authResponse?: null; subscribe?: null; unsubscribe?: null; subscribeResponse?: null; ping?: null; pong?: null; cancelResponse?: null; massCancelResponse?: null; balanceUpdate?: null }|{ body?: "massCancel"; placeOrder?: null; cancelOrder?: null; amendOrder?: null; massCancel: kapita.v1.MassCancel.$Shape; orderResponse?: null; executionReport?: null; bookUpdate?: null; topOfBook?: null; trade?: null; bookSnapshot?: null; l3Update?: null; candle?: null; heartbeat?: null; error?: null; authRequest?: null; authResponse?: null; subscribe?: null; unsubscribe?: null; subscribeResponse?: null; ping?: null; pong?: null; cancelResponse?: null; massCancelResponse?: null; balanceUpdate?: null }|{ body?: "orderResponse"; placeOrder?: null; cancelOrder?: null; amendOrder?: null; massCancel?: null; orderResponse: kapita.v1.OrderResponse.$Shape; executionReport?: null; bookUpdate?: null; topOfBook?: null; trade?: null; bookSnapshot?: null; l3Update?: null; candle?: null; heartbeat?: null; error?: null; authRequest?: null; authResponse?: null; subscribe?: null; unsubscribe?: null; subscribeResponse?: null; ping?: null; pong?: null; cancelResponse?: null; massCancelResponse?: null; balanceUpdate?: null }|{ body?: "executionReport"; placeOrder?: null; cancelOrder?: null; amendOrder?: null; massCancel?: null; orderResponse?: null; executionReport: kapita.v1.ExecutionReport.$Shape; bookUpdate?: null; topOfBook?: null; trade?: null; bookSnapshot?: null; l3Update?: null; candle?: null; heartbeat?: null; error?: null; authRequest?: null; authResponse?: null; subscribe?: null; unsubscribe?: null; subscribeResponse?: null; ping?: null; pong?: null; cancelResponse?: null; massCancelResponse?: null; balanceUpdate?: null }|{ body?: "bookUpdate"; placeOrder?: null; cancelOrder?: null; amendOrder?: null; massCancel?: null; orderResponse?: null; executionReport?: null; bookUpdate: kapita.v1.BookUpdate.$Shape; topOfBook?: null; trade?: null; bookSnapshot?: null; l3Update?: null; candle?: null; heartbeat?: null; error?: null; authRequest?: null; authResponse?: null; subscribe?: null; unsubscribe?: null; subscribeResponse?: null; ping?: null; pong?: null; cancelResponse?: null; massCancelResponse?: null; balanceUpdate?: null }|{ body?: "topOfBook"; placeOrder?: null; cancelOrder?: null; amendOrder?: null; massCancel?: null; orderResponse?: null; executionReport?: null; bookUpdate?: null; topOfBook: kapita.v1.TopOfBook.$Shape; trade?: null; bookSnapshot?: null; l3Update?: null; candle?: null; heartbeat?: null; error?: null; authRequest?: null; authResponse?: null; subscribe?: null; unsubscribe?: null; subscribeResponse?: null; ping?: null; pong?: null; cancelResponse?: null; massCancelResponse?: null; balanceUpdate?: null }|{ body?: "trade"; placeOrder?: null; cancelOrder?: null; amendOrder?: null; massCancel?: null; orderResponse?: null; executionReport?: null; bookUpdate?: null; topOfBook?: null; trade: kapita.v1.Trade.$Shape; bookSnapshot?: null; l3Update?: null; candle?: null; heartbeat?: null; error?: null; authRequest?: null; authResponse?: null; subscribe?: null; unsubscribe?: null; subscribeResponse?: null; ping?: null; pong?: null; cancelResponse?: null; massCancelResponse?: null; balanceUpdate?: null }|{ body?: "bookSnapshot"; placeOrder?: null; cancelOrder?: null; amendOrder?: null; massCancel?: null; orderResponse?: null; executionReport?: null; bookUpdate?: null; topOfBook?: null; trade?: null; bookSnapshot: kapita.v1.BookSnapshot.$Shape; l3Update?: null; candle?: null; heartbeat?: null; error?: null; authRequest?: null; authResponse?: null; subscribe?: null; unsubscribe?: null; subscribeResponse?: null; ping?: null; pong?: null; cancelResponse?: null; massCancelResponse?: null; balanceUpdate?: null }|{ body?: "l3Update"; placeOrder?: null; cancelOrder?: null; amendOrder?: null; massCancel?: null; orderResponse?: null; executionReport?: null; bookUpdate?: null; topOfBook?: null; trade?: null; bookSnapshot?: null; l3Update: kapita.v1.L3Update.$Shape; candle?: null; heartbeat?: null; error?: null; authRequest?: null; authResponse?: null; subscribe?: null; unsubscribe?: null; subscribeResponse?: null; ping?: null; pong?: null; cancelResponse?: null; massCancelResponse?: null; balanceUpdate?: null }|{ body?: "candle"; placeOrder?: null; cancelOrder?: null; amendOrder?: null; massCancel?: null; orderResponse?: null; executionReport?: null; bookUpdate?: null; topOfBook?: null; trade?: null; bookSnapshot?: null; l3Update?: null; candle: kapita.v1.Candle.$Shape; heartbeat?: null; error?: null; authRequest?: null; authResponse?: null; subscribe?: null; unsubscribe?: null; subscribeResponse?: null; ping?: null; pong?: null; cancelResponse?: null; massCancelResponse?: null; balanceUpdate?: null }|{ body?: "heartbeat"; placeOrder?: null; cancelOrder?: null; amendOrder?: null; massCancel?: null; orderResponse?: null; executionReport?: null; bookUpdate?: null; topOfBook?: null; trade?: null; bookSnapshot?: null; l3Update?: null; candle?: null; heartbeat: kapita.v1.Heartbeat.$Shape; error?: null; authRequest?: null; authResponse?: null; subscribe?: null; unsubscribe?: null; subscribeResponse?: null; ping?: null; pong?: null; cancelResponse?: null; massCancelResponse?: null; balanceUpdate?: null }|{ body?: "error"; placeOrder?: null; cancelOrder?: null; amendOrder?: null; massCancel?: null; orderResponse?: null; executionReport?: null; bookUpdate?: null; topOfBook?: null; trade?: null; bookSnapshot?: null; l3Update?: null; candle?: null; heartbeat?: null; error: kapita.v1.Error.$Shape; authRequest?: null; authResponse?: null; subscribe?: null; unsubscribe?: null; subscribeResponse?: null; ping?: null; pong?: null; cancelResponse?: null; massCancelResponse?: null; balanceUpdate?: null }|{ body?: "authRequest"; placeOrder?: null; cancelOrder?: null; amendOrder?: null; massCancel?: null; orderResponse?: null; executionReport?: null; bookUpdate?: null; topOfBook?: null; trade?: null; bookSnapshot?: null; l3Update?: null; candle?: null; heartbeat?: null; error?: null; authRequest: kapita.v1.AuthRequest.$Shape; authResponse?: null; subscribe?: null; unsubscribe?: null; subscribeResponse?: null; ping?: null; pong?: null; cancelResponse?: null; massCancelResponse?: null; balanceUpdate?: null }|{ body?: "authResponse"; placeOrder?: null; cancelOrder?: null; amendOrder?: null; massCancel?: null; orderResponse?: null; executionReport?: null; bookUpdate?: null; topOfBook?: null; trade?: null; bookSnapshot?: null; l3Update?: null; candle?: null; heartbeat?: null; error?: null; authRequest?: null; authResponse: kapita.v1.AuthResponse.$Shape; subscribe?: null; unsubscribe?: null; subscribeResponse?: null; ping?: null; pong?: null; cancelResponse?: null; massCancelResponse?: null; balanceUpdate?: null }|{ body?: "subscribe"; placeOrder?: null; cancelOrder?: null; amendOrder?: null; massCancel?: null; orderResponse?: null; executionReport?: null; bookUpdate?: null; topOfBook?: null; trade?: null; bookSnapshot?: null; l3Update?: null; candle?: null; heartbeat?: null; error?: null; authRequest?: null; authResponse?: null; subscribe: kapita.v1.Subscribe.$Shape; unsubscribe?: null; subscribeResponse?: null; ping?: null; pong?: null; cancelResponse?: null; massCancelResponse?: null; balanceUpdate?: null }|{ body?: "unsubscribe"; placeOrder?: null; cancelOrder?: null; amendOrder?: null; massCancel?: null; orderResponse?: null; executionReport?: null; bookUpdate?: null; topOfBook?: null; trade?: null; bookSnapshot?: null; l3Update?: null; candle?: null; heartbeat?: null; error?: null; authRequest?: null; authResponse?: null; subscribe?: null; unsubscribe: kapita.v1.Unsubscribe.$Shape; subscribeResponse?: null; ping?: null; pong?: null; cancelResponse?: null; massCancelResponse?: null; balanceUpdate?: null }|{ body?: "subscribeResponse"; placeOrder?: null; cancelOrder?: null; amendOrder?: null; massCancel?: null; orderResponse?: null; executionReport?: null; bookUpdate?: null; topOfBook?: null; trade?: null; bookSnapshot?: null; l3Update?: null; candle?: null; heartbeat?: null; error?: null; authRequest?: null; authResponse?: null; subscribe?: null; unsubscribe?: null; subscribeResponse: kapita.v1.SubscribeResponse.$Shape; ping?: null; pong?: null; cancelResponse?: null; massCancelResponse?: null; balanceUpdate?: null }|{ body?: "ping"; placeOrder?: null; cancelOrder?: null; amendOrder?: null; massCancel?: null; orderResponse?: null; executionReport?: null; bookUpdate?: null; topOfBook?: null; trade?: null; bookSnapshot?: null; l3Update?: null; candle?: null; heartbeat?: null; error?: null; authRequest?: null; authResponse?: null; subscribe?: null; unsubscribe?: null; subscribeResponse?: null; ping: kapita.v1.Ping.$Shape; pong?: null; cancelResponse?: null; massCancelResponse?: null; balanceUpdate?: null }|{ body?: "pong"; placeOrder?: null; cancelOrder?: null; amendOrder?: null; massCancel?: null; orderResponse?: null; executionReport?: null; bookUpdate?: null; topOfBook?: null; trade?: null; bookSnapshot?: null; l3Update?: null; candle?: null; heartbeat?: null; error?: null; authRequest?: null; authResponse?: null; subscribe?: null; unsubscribe?: null; subscribeResponse?: null; ping?: null; pong: kapita.v1.Pong.$Shape; cancelResponse?: null; massCancelResponse?: null; balanceUpdate?: null }|{ body?: "cancelResponse"; placeOrder?: null; cancelOrder?: null; amendOrder?: null; massCancel?: null; orderResponse?: null; executionReport?: null; bookUpdate?: null; topOfBook?: null; trade?: null; bookSnapshot?: null; l3Update?: null; candle?: null; heartbeat?: null; error?: null; authRequest?: null; authResponse?: null; subscribe?: null; unsubscribe?: null; subscribeResponse?: null; ping?: null; pong?: null; cancelResponse: kapita.v1.CancelResponse.$Shape; massCancelResponse?: null; balanceUpdate?: null }|{ body?: "massCancelResponse"; placeOrder?: null; cancelOrder?: null; amendOrder?: null; massCancel?: null; orderResponse?: null; executionReport?: null; bookUpdate?: null; topOfBook?: null; trade?: null; bookSnapshot?: null; l3Update?: null; candle?: null; heartbeat?: null; error?: null; authRequest?: null; authResponse?: null; subscribe?: null; unsubscribe?: null; subscribeResponse?: null; ping?: null; pong?: null; cancelResponse?: null; massCancelResponse: kapita.v1.MassCancelResponse.$Shape; balanceUpdate?: null }|{ body?: "balanceUpdate"; placeOrder?: null; cancelOrder?: null; amendOrder?: null; massCancel?: null; orderResponse?: null; executionReport?: null; bookUpdate?: null; topOfBook?: null; trade?: null; bookSnapshot?: null; l3Update?: null; candle?: null; heartbeat?: null; error?: null; authRequest?: null; authResponse?: null; subscribe?: null; unsubscribe?: null; subscribeResponse?: null; ping?: null; pong?: null; cancelResponse?: null; massCancelResponse?: null; balanceUpdate: kapita.v1.BalanceUpdate.$Shape })
            );
        }

        /** Side enum. */
        enum Side {

            /** SIDE_UNSPECIFIED value */
            SIDE_UNSPECIFIED = 0,

            /** SIDE_BUY value */
            SIDE_BUY = 1,

            /** SIDE_SELL value */
            SIDE_SELL = 2
        }

        /** OrderType enum. */
        enum OrderType {

            /** ORDER_TYPE_UNSPECIFIED value */
            ORDER_TYPE_UNSPECIFIED = 0,

            /** ORDER_TYPE_LIMIT value */
            ORDER_TYPE_LIMIT = 1,

            /** ORDER_TYPE_MARKET value */
            ORDER_TYPE_MARKET = 2,

            /** ORDER_TYPE_STOP value */
            ORDER_TYPE_STOP = 3,

            /** ORDER_TYPE_STOP_LIMIT value */
            ORDER_TYPE_STOP_LIMIT = 4
        }

        /** TimeInForce enum. */
        enum TimeInForce {

            /** TIME_IN_FORCE_UNSPECIFIED value */
            TIME_IN_FORCE_UNSPECIFIED = 0,

            /** TIME_IN_FORCE_GTC value */
            TIME_IN_FORCE_GTC = 1,

            /** TIME_IN_FORCE_IOC value */
            TIME_IN_FORCE_IOC = 2,

            /** TIME_IN_FORCE_FOK value */
            TIME_IN_FORCE_FOK = 3,

            /** TIME_IN_FORCE_DAY value */
            TIME_IN_FORCE_DAY = 4
        }

        /** SelfTradePrevention enum. */
        enum SelfTradePrevention {

            /** SELF_TRADE_PREVENTION_UNSPECIFIED value */
            SELF_TRADE_PREVENTION_UNSPECIFIED = 0,

            /** SELF_TRADE_PREVENTION_NONE value */
            SELF_TRADE_PREVENTION_NONE = 1,

            /** SELF_TRADE_PREVENTION_CANCEL_NEWEST value */
            SELF_TRADE_PREVENTION_CANCEL_NEWEST = 2,

            /** SELF_TRADE_PREVENTION_CANCEL_OLDEST value */
            SELF_TRADE_PREVENTION_CANCEL_OLDEST = 3,

            /** SELF_TRADE_PREVENTION_CANCEL_BOTH value */
            SELF_TRADE_PREVENTION_CANCEL_BOTH = 4,

            /** SELF_TRADE_PREVENTION_DECREMENT_AND_CANCEL value */
            SELF_TRADE_PREVENTION_DECREMENT_AND_CANCEL = 5
        }

        /** OrderStatus enum. */
        enum OrderStatus {

            /** ORDER_STATUS_UNSPECIFIED value */
            ORDER_STATUS_UNSPECIFIED = 0,

            /** ORDER_STATUS_NEW value */
            ORDER_STATUS_NEW = 1,

            /** ORDER_STATUS_PARTIALLY_FILLED value */
            ORDER_STATUS_PARTIALLY_FILLED = 2,

            /** ORDER_STATUS_FILLED value */
            ORDER_STATUS_FILLED = 3,

            /** ORDER_STATUS_CANCELED value */
            ORDER_STATUS_CANCELED = 4,

            /** ORDER_STATUS_EXPIRED value */
            ORDER_STATUS_EXPIRED = 5,

            /** ORDER_STATUS_PENDING_TRIGGER value */
            ORDER_STATUS_PENDING_TRIGGER = 6,

            /** ORDER_STATUS_REJECTED value */
            ORDER_STATUS_REJECTED = 7
        }

        /** Liquidity enum. */
        enum Liquidity {

            /** LIQUIDITY_UNSPECIFIED value */
            LIQUIDITY_UNSPECIFIED = 0,

            /** LIQUIDITY_MAKER value */
            LIQUIDITY_MAKER = 1,

            /** LIQUIDITY_TAKER value */
            LIQUIDITY_TAKER = 2
        }

        /** ExecType enum. */
        enum ExecType {

            /** EXEC_TYPE_UNSPECIFIED value */
            EXEC_TYPE_UNSPECIFIED = 0,

            /** EXEC_TYPE_NEW value */
            EXEC_TYPE_NEW = 1,

            /** EXEC_TYPE_TRADE value */
            EXEC_TYPE_TRADE = 2,

            /** EXEC_TYPE_CANCELED value */
            EXEC_TYPE_CANCELED = 3,

            /** EXEC_TYPE_EXPIRED value */
            EXEC_TYPE_EXPIRED = 4,

            /** EXEC_TYPE_REJECTED value */
            EXEC_TYPE_REJECTED = 5,

            /** EXEC_TYPE_AMENDED value */
            EXEC_TYPE_AMENDED = 6,

            /** EXEC_TYPE_TRIGGERED value */
            EXEC_TYPE_TRIGGERED = 7,

            /** EXEC_TYPE_RESTATED value */
            EXEC_TYPE_RESTATED = 8
        }

        /** Channel enum. */
        enum Channel {

            /** CHANNEL_UNSPECIFIED value */
            CHANNEL_UNSPECIFIED = 0,

            /** CHANNEL_L1 value */
            CHANNEL_L1 = 1,

            /** CHANNEL_L2 value */
            CHANNEL_L2 = 2,

            /** CHANNEL_L3 value */
            CHANNEL_L3 = 3,

            /** CHANNEL_TRADES value */
            CHANNEL_TRADES = 4,

            /** CHANNEL_CANDLES value */
            CHANNEL_CANDLES = 5,

            /** CHANNEL_ORDERS value */
            CHANNEL_ORDERS = 6,

            /** CHANNEL_FILLS value */
            CHANNEL_FILLS = 7,

            /** CHANNEL_BALANCES value */
            CHANNEL_BALANCES = 8
        }

        /** CandleInterval enum. */
        enum CandleInterval {

            /** CANDLE_INTERVAL_UNSPECIFIED value */
            CANDLE_INTERVAL_UNSPECIFIED = 0,

            /** CANDLE_INTERVAL_1M value */
            CANDLE_INTERVAL_1M = 1,

            /** CANDLE_INTERVAL_5M value */
            CANDLE_INTERVAL_5M = 2,

            /** CANDLE_INTERVAL_15M value */
            CANDLE_INTERVAL_15M = 3,

            /** CANDLE_INTERVAL_1H value */
            CANDLE_INTERVAL_1H = 4,

            /** CANDLE_INTERVAL_4H value */
            CANDLE_INTERVAL_4H = 5,

            /** CANDLE_INTERVAL_1D value */
            CANDLE_INTERVAL_1D = 6
        }

        /**
         * Properties of an AuthRequest.
         * @deprecated Use kapita.v1.AuthRequest.$Properties instead.
         */
        interface IAuthRequest extends kapita.v1.AuthRequest.$Properties {
        }

        /** Represents an AuthRequest. */
        class AuthRequest {

            /**
             * Constructs a new AuthRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.AuthRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AuthRequest token. */
            token: string;

            /**
             * Creates a new AuthRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AuthRequest instance
             */
            static create(properties: kapita.v1.AuthRequest.$Shape): kapita.v1.AuthRequest & kapita.v1.AuthRequest.$Shape;
            static create(properties?: kapita.v1.AuthRequest.$Properties): kapita.v1.AuthRequest;

            /**
             * Encodes the specified AuthRequest message. Does not implicitly {@link kapita.v1.AuthRequest.verify|verify} messages.
             * @param message AuthRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.AuthRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AuthRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.AuthRequest & kapita.v1.AuthRequest.$Shape} AuthRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.AuthRequest & kapita.v1.AuthRequest.$Shape;

            /**
             * Creates an AuthRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns AuthRequest
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.AuthRequest;

            /**
             * Creates a plain object from an AuthRequest message. Also converts values to other types if specified.
             * @param message AuthRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.AuthRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this AuthRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace AuthRequest {

            /** Properties of an AuthRequest. */
            interface $Properties {

                /** AuthRequest token */
                token?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AuthRequest. */
            type $Shape = kapita.v1.AuthRequest.$Properties;
        }

        /**
         * Properties of an AuthResponse.
         * @deprecated Use kapita.v1.AuthResponse.$Properties instead.
         */
        interface IAuthResponse extends kapita.v1.AuthResponse.$Properties {
        }

        /** Represents an AuthResponse. */
        class AuthResponse {

            /**
             * Constructs a new AuthResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.AuthResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AuthResponse accountId. */
            accountId: number;

            /** AuthResponse expiresAtMs. */
            expiresAtMs: number;

            /**
             * Creates a new AuthResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AuthResponse instance
             */
            static create(properties: kapita.v1.AuthResponse.$Shape): kapita.v1.AuthResponse & kapita.v1.AuthResponse.$Shape;
            static create(properties?: kapita.v1.AuthResponse.$Properties): kapita.v1.AuthResponse;

            /**
             * Encodes the specified AuthResponse message. Does not implicitly {@link kapita.v1.AuthResponse.verify|verify} messages.
             * @param message AuthResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.AuthResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AuthResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.AuthResponse & kapita.v1.AuthResponse.$Shape} AuthResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.AuthResponse & kapita.v1.AuthResponse.$Shape;

            /**
             * Creates an AuthResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns AuthResponse
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.AuthResponse;

            /**
             * Creates a plain object from an AuthResponse message. Also converts values to other types if specified.
             * @param message AuthResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.AuthResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this AuthResponse to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace AuthResponse {

            /** Properties of an AuthResponse. */
            interface $Properties {

                /** AuthResponse accountId */
                accountId?: (number|null);

                /** AuthResponse expiresAtMs */
                expiresAtMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AuthResponse. */
            type $Shape = kapita.v1.AuthResponse.$Properties;
        }

        /**
         * Properties of a Ping.
         * @deprecated Use kapita.v1.Ping.$Properties instead.
         */
        interface IPing extends kapita.v1.Ping.$Properties {
        }

        /** Represents a Ping. */
        class Ping {

            /**
             * Constructs a new Ping.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.Ping.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Ping timeMs. */
            timeMs: number;

            /**
             * Creates a new Ping instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Ping instance
             */
            static create(properties: kapita.v1.Ping.$Shape): kapita.v1.Ping & kapita.v1.Ping.$Shape;
            static create(properties?: kapita.v1.Ping.$Properties): kapita.v1.Ping;

            /**
             * Encodes the specified Ping message. Does not implicitly {@link kapita.v1.Ping.verify|verify} messages.
             * @param message Ping message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.Ping.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Ping message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.Ping & kapita.v1.Ping.$Shape} Ping
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.Ping & kapita.v1.Ping.$Shape;

            /**
             * Creates a Ping message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Ping
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.Ping;

            /**
             * Creates a plain object from a Ping message. Also converts values to other types if specified.
             * @param message Ping
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.Ping, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Ping to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Ping {

            /** Properties of a Ping. */
            interface $Properties {

                /** Ping timeMs */
                timeMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Ping. */
            type $Shape = kapita.v1.Ping.$Properties;
        }

        /**
         * Properties of a Pong.
         * @deprecated Use kapita.v1.Pong.$Properties instead.
         */
        interface IPong extends kapita.v1.Pong.$Properties {
        }

        /** Represents a Pong. */
        class Pong {

            /**
             * Constructs a new Pong.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.Pong.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Pong pingTimeMs. */
            pingTimeMs: number;

            /** Pong timeMs. */
            timeMs: number;

            /**
             * Creates a new Pong instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Pong instance
             */
            static create(properties: kapita.v1.Pong.$Shape): kapita.v1.Pong & kapita.v1.Pong.$Shape;
            static create(properties?: kapita.v1.Pong.$Properties): kapita.v1.Pong;

            /**
             * Encodes the specified Pong message. Does not implicitly {@link kapita.v1.Pong.verify|verify} messages.
             * @param message Pong message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.Pong.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Pong message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.Pong & kapita.v1.Pong.$Shape} Pong
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.Pong & kapita.v1.Pong.$Shape;

            /**
             * Creates a Pong message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Pong
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.Pong;

            /**
             * Creates a plain object from a Pong message. Also converts values to other types if specified.
             * @param message Pong
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.Pong, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Pong to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Pong {

            /** Properties of a Pong. */
            interface $Properties {

                /** Pong pingTimeMs */
                pingTimeMs?: (number|null);

                /** Pong timeMs */
                timeMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Pong. */
            type $Shape = kapita.v1.Pong.$Properties;
        }

        /**
         * Properties of a Heartbeat.
         * @deprecated Use kapita.v1.Heartbeat.$Properties instead.
         */
        interface IHeartbeat extends kapita.v1.Heartbeat.$Properties {
        }

        /** Represents a Heartbeat. */
        class Heartbeat {

            /**
             * Constructs a new Heartbeat.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.Heartbeat.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Heartbeat timeMs. */
            timeMs: number;

            /**
             * Creates a new Heartbeat instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Heartbeat instance
             */
            static create(properties: kapita.v1.Heartbeat.$Shape): kapita.v1.Heartbeat & kapita.v1.Heartbeat.$Shape;
            static create(properties?: kapita.v1.Heartbeat.$Properties): kapita.v1.Heartbeat;

            /**
             * Encodes the specified Heartbeat message. Does not implicitly {@link kapita.v1.Heartbeat.verify|verify} messages.
             * @param message Heartbeat message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.Heartbeat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Heartbeat message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.Heartbeat & kapita.v1.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.Heartbeat & kapita.v1.Heartbeat.$Shape;

            /**
             * Creates a Heartbeat message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Heartbeat
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.Heartbeat;

            /**
             * Creates a plain object from a Heartbeat message. Also converts values to other types if specified.
             * @param message Heartbeat
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.Heartbeat, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Heartbeat to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Heartbeat {

            /** Properties of a Heartbeat. */
            interface $Properties {

                /** Heartbeat timeMs */
                timeMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Heartbeat. */
            type $Shape = kapita.v1.Heartbeat.$Properties;
        }

        /**
         * Properties of an Error.
         * @deprecated Use kapita.v1.Error.$Properties instead.
         */
        interface IError extends kapita.v1.Error.$Properties {
        }

        /** Represents an Error. */
        class Error {

            /**
             * Constructs a new Error.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.Error.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Error code. */
            code: number;

            /** Error name. */
            name: string;

            /** Error message. */
            message: string;

            /**
             * Creates a new Error instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Error instance
             */
            static create(properties: kapita.v1.Error.$Shape): kapita.v1.Error & kapita.v1.Error.$Shape;
            static create(properties?: kapita.v1.Error.$Properties): kapita.v1.Error;

            /**
             * Encodes the specified Error message. Does not implicitly {@link kapita.v1.Error.verify|verify} messages.
             * @param message Error message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.Error.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Error message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.Error & kapita.v1.Error.$Shape} Error
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.Error & kapita.v1.Error.$Shape;

            /**
             * Creates an Error message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Error
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.Error;

            /**
             * Creates a plain object from an Error message. Also converts values to other types if specified.
             * @param message Error
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.Error, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Error to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Error {

            /** Properties of an Error. */
            interface $Properties {

                /** Error code */
                code?: (number|null);

                /** Error name */
                name?: (string|null);

                /** Error message */
                message?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Error. */
            type $Shape = kapita.v1.Error.$Properties;
        }

        /**
         * Properties of a PlaceOrder.
         * @deprecated Use kapita.v1.PlaceOrder.$Properties instead.
         */
        interface IPlaceOrder extends kapita.v1.PlaceOrder.$Properties {
        }

        /** Represents a PlaceOrder. */
        class PlaceOrder {

            /**
             * Constructs a new PlaceOrder.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.PlaceOrder.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PlaceOrder symbol. */
            symbol: string;

            /** PlaceOrder side. */
            side: kapita.v1.Side;

            /** PlaceOrder type. */
            type: kapita.v1.OrderType;

            /** PlaceOrder price. */
            price: string;

            /** PlaceOrder quantity. */
            quantity: string;

            /** PlaceOrder timeInForce. */
            timeInForce: kapita.v1.TimeInForce;

            /** PlaceOrder postOnly. */
            postOnly: boolean;

            /** PlaceOrder clientOrderId. */
            clientOrderId: string;

            /** PlaceOrder stopPrice. */
            stopPrice: string;

            /** PlaceOrder displayQuantity. */
            displayQuantity: string;

            /** PlaceOrder selfTradePrevention. */
            selfTradePrevention: kapita.v1.SelfTradePrevention;

            /** PlaceOrder maxNotional. */
            maxNotional: string;

            /**
             * Creates a new PlaceOrder instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PlaceOrder instance
             */
            static create(properties: kapita.v1.PlaceOrder.$Shape): kapita.v1.PlaceOrder & kapita.v1.PlaceOrder.$Shape;
            static create(properties?: kapita.v1.PlaceOrder.$Properties): kapita.v1.PlaceOrder;

            /**
             * Encodes the specified PlaceOrder message. Does not implicitly {@link kapita.v1.PlaceOrder.verify|verify} messages.
             * @param message PlaceOrder message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.PlaceOrder.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PlaceOrder message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.PlaceOrder & kapita.v1.PlaceOrder.$Shape} PlaceOrder
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.PlaceOrder & kapita.v1.PlaceOrder.$Shape;

            /**
             * Creates a PlaceOrder message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns PlaceOrder
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.PlaceOrder;

            /**
             * Creates a plain object from a PlaceOrder message. Also converts values to other types if specified.
             * @param message PlaceOrder
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.PlaceOrder, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PlaceOrder to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace PlaceOrder {

            /** Properties of a PlaceOrder. */
            interface $Properties {

                /** PlaceOrder symbol */
                symbol?: (string|null);

                /** PlaceOrder side */
                side?: (kapita.v1.Side|null);

                /** PlaceOrder type */
                type?: (kapita.v1.OrderType|null);

                /** PlaceOrder price */
                price?: (string|null);

                /** PlaceOrder quantity */
                quantity?: (string|null);

                /** PlaceOrder timeInForce */
                timeInForce?: (kapita.v1.TimeInForce|null);

                /** PlaceOrder postOnly */
                postOnly?: (boolean|null);

                /** PlaceOrder clientOrderId */
                clientOrderId?: (string|null);

                /** PlaceOrder stopPrice */
                stopPrice?: (string|null);

                /** PlaceOrder displayQuantity */
                displayQuantity?: (string|null);

                /** PlaceOrder selfTradePrevention */
                selfTradePrevention?: (kapita.v1.SelfTradePrevention|null);

                /** PlaceOrder maxNotional */
                maxNotional?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PlaceOrder. */
            type $Shape = kapita.v1.PlaceOrder.$Properties;
        }

        /**
         * Properties of a CancelOrder.
         * @deprecated Use kapita.v1.CancelOrder.$Properties instead.
         */
        interface ICancelOrder extends kapita.v1.CancelOrder.$Properties {
        }

        /** Represents a CancelOrder. */
        class CancelOrder {

            /**
             * Constructs a new CancelOrder.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.CancelOrder.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CancelOrder orderId. */
            orderId: number;

            /**
             * Creates a new CancelOrder instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CancelOrder instance
             */
            static create(properties: kapita.v1.CancelOrder.$Shape): kapita.v1.CancelOrder & kapita.v1.CancelOrder.$Shape;
            static create(properties?: kapita.v1.CancelOrder.$Properties): kapita.v1.CancelOrder;

            /**
             * Encodes the specified CancelOrder message. Does not implicitly {@link kapita.v1.CancelOrder.verify|verify} messages.
             * @param message CancelOrder message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.CancelOrder.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CancelOrder message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.CancelOrder & kapita.v1.CancelOrder.$Shape} CancelOrder
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.CancelOrder & kapita.v1.CancelOrder.$Shape;

            /**
             * Creates a CancelOrder message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns CancelOrder
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.CancelOrder;

            /**
             * Creates a plain object from a CancelOrder message. Also converts values to other types if specified.
             * @param message CancelOrder
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.CancelOrder, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CancelOrder to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace CancelOrder {

            /** Properties of a CancelOrder. */
            interface $Properties {

                /** CancelOrder orderId */
                orderId?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CancelOrder. */
            type $Shape = kapita.v1.CancelOrder.$Properties;
        }

        /**
         * Properties of an AmendOrder.
         * @deprecated Use kapita.v1.AmendOrder.$Properties instead.
         */
        interface IAmendOrder extends kapita.v1.AmendOrder.$Properties {
        }

        /** Represents an AmendOrder. */
        class AmendOrder {

            /**
             * Constructs a new AmendOrder.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.AmendOrder.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AmendOrder orderId. */
            orderId: number;

            /** AmendOrder price. */
            price: string;

            /** AmendOrder quantity. */
            quantity: string;

            /**
             * Creates a new AmendOrder instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AmendOrder instance
             */
            static create(properties: kapita.v1.AmendOrder.$Shape): kapita.v1.AmendOrder & kapita.v1.AmendOrder.$Shape;
            static create(properties?: kapita.v1.AmendOrder.$Properties): kapita.v1.AmendOrder;

            /**
             * Encodes the specified AmendOrder message. Does not implicitly {@link kapita.v1.AmendOrder.verify|verify} messages.
             * @param message AmendOrder message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.AmendOrder.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AmendOrder message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.AmendOrder & kapita.v1.AmendOrder.$Shape} AmendOrder
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.AmendOrder & kapita.v1.AmendOrder.$Shape;

            /**
             * Creates an AmendOrder message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns AmendOrder
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.AmendOrder;

            /**
             * Creates a plain object from an AmendOrder message. Also converts values to other types if specified.
             * @param message AmendOrder
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.AmendOrder, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this AmendOrder to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace AmendOrder {

            /** Properties of an AmendOrder. */
            interface $Properties {

                /** AmendOrder orderId */
                orderId?: (number|null);

                /** AmendOrder price */
                price?: (string|null);

                /** AmendOrder quantity */
                quantity?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AmendOrder. */
            type $Shape = kapita.v1.AmendOrder.$Properties;
        }

        /**
         * Properties of a MassCancel.
         * @deprecated Use kapita.v1.MassCancel.$Properties instead.
         */
        interface IMassCancel extends kapita.v1.MassCancel.$Properties {
        }

        /** Represents a MassCancel. */
        class MassCancel {

            /**
             * Constructs a new MassCancel.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.MassCancel.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** MassCancel symbol. */
            symbol: string;

            /**
             * Creates a new MassCancel instance using the specified properties.
             * @param [properties] Properties to set
             * @returns MassCancel instance
             */
            static create(properties: kapita.v1.MassCancel.$Shape): kapita.v1.MassCancel & kapita.v1.MassCancel.$Shape;
            static create(properties?: kapita.v1.MassCancel.$Properties): kapita.v1.MassCancel;

            /**
             * Encodes the specified MassCancel message. Does not implicitly {@link kapita.v1.MassCancel.verify|verify} messages.
             * @param message MassCancel message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.MassCancel.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a MassCancel message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.MassCancel & kapita.v1.MassCancel.$Shape} MassCancel
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.MassCancel & kapita.v1.MassCancel.$Shape;

            /**
             * Creates a MassCancel message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns MassCancel
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.MassCancel;

            /**
             * Creates a plain object from a MassCancel message. Also converts values to other types if specified.
             * @param message MassCancel
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.MassCancel, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this MassCancel to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace MassCancel {

            /** Properties of a MassCancel. */
            interface $Properties {

                /** MassCancel symbol */
                symbol?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a MassCancel. */
            type $Shape = kapita.v1.MassCancel.$Properties;
        }

        /**
         * Properties of a Fill.
         * @deprecated Use kapita.v1.Fill.$Properties instead.
         */
        interface IFill extends kapita.v1.Fill.$Properties {
        }

        /** Represents a Fill. */
        class Fill {

            /**
             * Constructs a new Fill.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.Fill.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Fill tradeId. */
            tradeId: number;

            /** Fill price. */
            price: string;

            /** Fill quantity. */
            quantity: string;

            /** Fill liquidity. */
            liquidity: kapita.v1.Liquidity;

            /** Fill fee. */
            fee: string;

            /** Fill feeAsset. */
            feeAsset: string;

            /**
             * Creates a new Fill instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Fill instance
             */
            static create(properties: kapita.v1.Fill.$Shape): kapita.v1.Fill & kapita.v1.Fill.$Shape;
            static create(properties?: kapita.v1.Fill.$Properties): kapita.v1.Fill;

            /**
             * Encodes the specified Fill message. Does not implicitly {@link kapita.v1.Fill.verify|verify} messages.
             * @param message Fill message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.Fill.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Fill message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.Fill & kapita.v1.Fill.$Shape} Fill
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.Fill & kapita.v1.Fill.$Shape;

            /**
             * Creates a Fill message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Fill
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.Fill;

            /**
             * Creates a plain object from a Fill message. Also converts values to other types if specified.
             * @param message Fill
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.Fill, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Fill to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Fill {

            /** Properties of a Fill. */
            interface $Properties {

                /** Fill tradeId */
                tradeId?: (number|null);

                /** Fill price */
                price?: (string|null);

                /** Fill quantity */
                quantity?: (string|null);

                /** Fill liquidity */
                liquidity?: (kapita.v1.Liquidity|null);

                /** Fill fee */
                fee?: (string|null);

                /** Fill feeAsset */
                feeAsset?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Fill. */
            type $Shape = kapita.v1.Fill.$Properties;
        }

        /**
         * Properties of an OrderResponse.
         * @deprecated Use kapita.v1.OrderResponse.$Properties instead.
         */
        interface IOrderResponse extends kapita.v1.OrderResponse.$Properties {
        }

        /** Represents an OrderResponse. */
        class OrderResponse {

            /**
             * Constructs a new OrderResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.OrderResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** OrderResponse orderId. */
            orderId: number;

            /** OrderResponse clientOrderId. */
            clientOrderId: string;

            /** OrderResponse symbol. */
            symbol: string;

            /** OrderResponse side. */
            side: kapita.v1.Side;

            /** OrderResponse type. */
            type: kapita.v1.OrderType;

            /** OrderResponse timeInForce. */
            timeInForce: kapita.v1.TimeInForce;

            /** OrderResponse price. */
            price: string;

            /** OrderResponse stopPrice. */
            stopPrice: string;

            /** OrderResponse quantity. */
            quantity: string;

            /** OrderResponse filledQuantity. */
            filledQuantity: string;

            /** OrderResponse status. */
            status: kapita.v1.OrderStatus;

            /** OrderResponse fills. */
            fills: kapita.v1.Fill.$Properties[];

            /**
             * Creates a new OrderResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns OrderResponse instance
             */
            static create(properties: kapita.v1.OrderResponse.$Shape): kapita.v1.OrderResponse & kapita.v1.OrderResponse.$Shape;
            static create(properties?: kapita.v1.OrderResponse.$Properties): kapita.v1.OrderResponse;

            /**
             * Encodes the specified OrderResponse message. Does not implicitly {@link kapita.v1.OrderResponse.verify|verify} messages.
             * @param message OrderResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.OrderResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an OrderResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.OrderResponse & kapita.v1.OrderResponse.$Shape} OrderResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.OrderResponse & kapita.v1.OrderResponse.$Shape;

            /**
             * Creates an OrderResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns OrderResponse
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.OrderResponse;

            /**
             * Creates a plain object from an OrderResponse message. Also converts values to other types if specified.
             * @param message OrderResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.OrderResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this OrderResponse to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace OrderResponse {

            /** Properties of an OrderResponse. */
            interface $Properties {

                /** OrderResponse orderId */
                orderId?: (number|null);

                /** OrderResponse clientOrderId */
                clientOrderId?: (string|null);

                /** OrderResponse symbol */
                symbol?: (string|null);

                /** OrderResponse side */
                side?: (kapita.v1.Side|null);

                /** OrderResponse type */
                type?: (kapita.v1.OrderType|null);

                /** OrderResponse timeInForce */
                timeInForce?: (kapita.v1.TimeInForce|null);

                /** OrderResponse price */
                price?: (string|null);

                /** OrderResponse stopPrice */
                stopPrice?: (string|null);

                /** OrderResponse quantity */
                quantity?: (string|null);

                /** OrderResponse filledQuantity */
                filledQuantity?: (string|null);

                /** OrderResponse status */
                status?: (kapita.v1.OrderStatus|null);

                /** OrderResponse fills */
                fills?: (kapita.v1.Fill.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an OrderResponse. */
            type $Shape = kapita.v1.OrderResponse.$Properties;
        }

        /**
         * Properties of a CancelResponse.
         * @deprecated Use kapita.v1.CancelResponse.$Properties instead.
         */
        interface ICancelResponse extends kapita.v1.CancelResponse.$Properties {
        }

        /** Represents a CancelResponse. */
        class CancelResponse {

            /**
             * Constructs a new CancelResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.CancelResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CancelResponse orderId. */
            orderId: number;

            /** CancelResponse status. */
            status: kapita.v1.OrderStatus;

            /**
             * Creates a new CancelResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CancelResponse instance
             */
            static create(properties: kapita.v1.CancelResponse.$Shape): kapita.v1.CancelResponse & kapita.v1.CancelResponse.$Shape;
            static create(properties?: kapita.v1.CancelResponse.$Properties): kapita.v1.CancelResponse;

            /**
             * Encodes the specified CancelResponse message. Does not implicitly {@link kapita.v1.CancelResponse.verify|verify} messages.
             * @param message CancelResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.CancelResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CancelResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.CancelResponse & kapita.v1.CancelResponse.$Shape} CancelResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.CancelResponse & kapita.v1.CancelResponse.$Shape;

            /**
             * Creates a CancelResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns CancelResponse
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.CancelResponse;

            /**
             * Creates a plain object from a CancelResponse message. Also converts values to other types if specified.
             * @param message CancelResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.CancelResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CancelResponse to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace CancelResponse {

            /** Properties of a CancelResponse. */
            interface $Properties {

                /** CancelResponse orderId */
                orderId?: (number|null);

                /** CancelResponse status */
                status?: (kapita.v1.OrderStatus|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CancelResponse. */
            type $Shape = kapita.v1.CancelResponse.$Properties;
        }

        /**
         * Properties of a MassCancelResponse.
         * @deprecated Use kapita.v1.MassCancelResponse.$Properties instead.
         */
        interface IMassCancelResponse extends kapita.v1.MassCancelResponse.$Properties {
        }

        /** Represents a MassCancelResponse. */
        class MassCancelResponse {

            /**
             * Constructs a new MassCancelResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.MassCancelResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** MassCancelResponse orderIds. */
            orderIds: number[];

            /**
             * Creates a new MassCancelResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns MassCancelResponse instance
             */
            static create(properties: kapita.v1.MassCancelResponse.$Shape): kapita.v1.MassCancelResponse & kapita.v1.MassCancelResponse.$Shape;
            static create(properties?: kapita.v1.MassCancelResponse.$Properties): kapita.v1.MassCancelResponse;

            /**
             * Encodes the specified MassCancelResponse message. Does not implicitly {@link kapita.v1.MassCancelResponse.verify|verify} messages.
             * @param message MassCancelResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.MassCancelResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a MassCancelResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.MassCancelResponse & kapita.v1.MassCancelResponse.$Shape} MassCancelResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.MassCancelResponse & kapita.v1.MassCancelResponse.$Shape;

            /**
             * Creates a MassCancelResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns MassCancelResponse
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.MassCancelResponse;

            /**
             * Creates a plain object from a MassCancelResponse message. Also converts values to other types if specified.
             * @param message MassCancelResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.MassCancelResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this MassCancelResponse to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace MassCancelResponse {

            /** Properties of a MassCancelResponse. */
            interface $Properties {

                /** MassCancelResponse orderIds */
                orderIds?: (number[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a MassCancelResponse. */
            type $Shape = kapita.v1.MassCancelResponse.$Properties;
        }

        /**
         * Properties of an ExecutionReport.
         * @deprecated Use kapita.v1.ExecutionReport.$Properties instead.
         */
        interface IExecutionReport extends kapita.v1.ExecutionReport.$Properties {
        }

        /** Represents an ExecutionReport. */
        class ExecutionReport {

            /**
             * Constructs a new ExecutionReport.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.ExecutionReport.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ExecutionReport seq. */
            seq: number;

            /** ExecutionReport orderId. */
            orderId: number;

            /** ExecutionReport clientOrderId. */
            clientOrderId: string;

            /** ExecutionReport symbol. */
            symbol: string;

            /** ExecutionReport side. */
            side: kapita.v1.Side;

            /** ExecutionReport execType. */
            execType: kapita.v1.ExecType;

            /** ExecutionReport orderStatus. */
            orderStatus: kapita.v1.OrderStatus;

            /** ExecutionReport type. */
            type: kapita.v1.OrderType;

            /** ExecutionReport price. */
            price: string;

            /** ExecutionReport quantity. */
            quantity: string;

            /** ExecutionReport lastPrice. */
            lastPrice: string;

            /** ExecutionReport lastQuantity. */
            lastQuantity: string;

            /** ExecutionReport tradeId. */
            tradeId: number;

            /** ExecutionReport liquidity. */
            liquidity: kapita.v1.Liquidity;

            /** ExecutionReport fee. */
            fee: string;

            /** ExecutionReport feeAsset. */
            feeAsset: string;

            /** ExecutionReport cumulativeQuantity. */
            cumulativeQuantity: string;

            /** ExecutionReport leavesQuantity. */
            leavesQuantity: string;

            /** ExecutionReport rejectCode. */
            rejectCode: number;

            /** ExecutionReport timeMs. */
            timeMs: number;

            /** ExecutionReport timeNs. */
            timeNs: number;

            /**
             * Creates a new ExecutionReport instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ExecutionReport instance
             */
            static create(properties: kapita.v1.ExecutionReport.$Shape): kapita.v1.ExecutionReport & kapita.v1.ExecutionReport.$Shape;
            static create(properties?: kapita.v1.ExecutionReport.$Properties): kapita.v1.ExecutionReport;

            /**
             * Encodes the specified ExecutionReport message. Does not implicitly {@link kapita.v1.ExecutionReport.verify|verify} messages.
             * @param message ExecutionReport message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.ExecutionReport.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an ExecutionReport message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.ExecutionReport & kapita.v1.ExecutionReport.$Shape} ExecutionReport
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.ExecutionReport & kapita.v1.ExecutionReport.$Shape;

            /**
             * Creates an ExecutionReport message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ExecutionReport
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.ExecutionReport;

            /**
             * Creates a plain object from an ExecutionReport message. Also converts values to other types if specified.
             * @param message ExecutionReport
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.ExecutionReport, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ExecutionReport to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ExecutionReport {

            /** Properties of an ExecutionReport. */
            interface $Properties {

                /** ExecutionReport seq */
                seq?: (number|null);

                /** ExecutionReport orderId */
                orderId?: (number|null);

                /** ExecutionReport clientOrderId */
                clientOrderId?: (string|null);

                /** ExecutionReport symbol */
                symbol?: (string|null);

                /** ExecutionReport side */
                side?: (kapita.v1.Side|null);

                /** ExecutionReport execType */
                execType?: (kapita.v1.ExecType|null);

                /** ExecutionReport orderStatus */
                orderStatus?: (kapita.v1.OrderStatus|null);

                /** ExecutionReport type */
                type?: (kapita.v1.OrderType|null);

                /** ExecutionReport price */
                price?: (string|null);

                /** ExecutionReport quantity */
                quantity?: (string|null);

                /** ExecutionReport lastPrice */
                lastPrice?: (string|null);

                /** ExecutionReport lastQuantity */
                lastQuantity?: (string|null);

                /** ExecutionReport tradeId */
                tradeId?: (number|null);

                /** ExecutionReport liquidity */
                liquidity?: (kapita.v1.Liquidity|null);

                /** ExecutionReport fee */
                fee?: (string|null);

                /** ExecutionReport feeAsset */
                feeAsset?: (string|null);

                /** ExecutionReport cumulativeQuantity */
                cumulativeQuantity?: (string|null);

                /** ExecutionReport leavesQuantity */
                leavesQuantity?: (string|null);

                /** ExecutionReport rejectCode */
                rejectCode?: (number|null);

                /** ExecutionReport timeMs */
                timeMs?: (number|null);

                /** ExecutionReport timeNs */
                timeNs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an ExecutionReport. */
            type $Shape = kapita.v1.ExecutionReport.$Properties;
        }

        /**
         * Properties of a Subscribe.
         * @deprecated Use kapita.v1.Subscribe.$Properties instead.
         */
        interface ISubscribe extends kapita.v1.Subscribe.$Properties {
        }

        /** Represents a Subscribe. */
        class Subscribe {

            /**
             * Constructs a new Subscribe.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.Subscribe.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Subscribe channel. */
            channel: kapita.v1.Channel;

            /** Subscribe symbol. */
            symbol: string;

            /** Subscribe interval. */
            interval: kapita.v1.CandleInterval;

            /**
             * Creates a new Subscribe instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Subscribe instance
             */
            static create(properties: kapita.v1.Subscribe.$Shape): kapita.v1.Subscribe & kapita.v1.Subscribe.$Shape;
            static create(properties?: kapita.v1.Subscribe.$Properties): kapita.v1.Subscribe;

            /**
             * Encodes the specified Subscribe message. Does not implicitly {@link kapita.v1.Subscribe.verify|verify} messages.
             * @param message Subscribe message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.Subscribe.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Subscribe message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.Subscribe & kapita.v1.Subscribe.$Shape} Subscribe
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.Subscribe & kapita.v1.Subscribe.$Shape;

            /**
             * Creates a Subscribe message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Subscribe
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.Subscribe;

            /**
             * Creates a plain object from a Subscribe message. Also converts values to other types if specified.
             * @param message Subscribe
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.Subscribe, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Subscribe to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Subscribe {

            /** Properties of a Subscribe. */
            interface $Properties {

                /** Subscribe channel */
                channel?: (kapita.v1.Channel|null);

                /** Subscribe symbol */
                symbol?: (string|null);

                /** Subscribe interval */
                interval?: (kapita.v1.CandleInterval|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Subscribe. */
            type $Shape = kapita.v1.Subscribe.$Properties;
        }

        /**
         * Properties of an Unsubscribe.
         * @deprecated Use kapita.v1.Unsubscribe.$Properties instead.
         */
        interface IUnsubscribe extends kapita.v1.Unsubscribe.$Properties {
        }

        /** Represents an Unsubscribe. */
        class Unsubscribe {

            /**
             * Constructs a new Unsubscribe.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.Unsubscribe.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Unsubscribe channel. */
            channel: kapita.v1.Channel;

            /** Unsubscribe symbol. */
            symbol: string;

            /** Unsubscribe interval. */
            interval: kapita.v1.CandleInterval;

            /**
             * Creates a new Unsubscribe instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Unsubscribe instance
             */
            static create(properties: kapita.v1.Unsubscribe.$Shape): kapita.v1.Unsubscribe & kapita.v1.Unsubscribe.$Shape;
            static create(properties?: kapita.v1.Unsubscribe.$Properties): kapita.v1.Unsubscribe;

            /**
             * Encodes the specified Unsubscribe message. Does not implicitly {@link kapita.v1.Unsubscribe.verify|verify} messages.
             * @param message Unsubscribe message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.Unsubscribe.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Unsubscribe message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.Unsubscribe & kapita.v1.Unsubscribe.$Shape} Unsubscribe
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.Unsubscribe & kapita.v1.Unsubscribe.$Shape;

            /**
             * Creates an Unsubscribe message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Unsubscribe
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.Unsubscribe;

            /**
             * Creates a plain object from an Unsubscribe message. Also converts values to other types if specified.
             * @param message Unsubscribe
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.Unsubscribe, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Unsubscribe to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Unsubscribe {

            /** Properties of an Unsubscribe. */
            interface $Properties {

                /** Unsubscribe channel */
                channel?: (kapita.v1.Channel|null);

                /** Unsubscribe symbol */
                symbol?: (string|null);

                /** Unsubscribe interval */
                interval?: (kapita.v1.CandleInterval|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Unsubscribe. */
            type $Shape = kapita.v1.Unsubscribe.$Properties;
        }

        /**
         * Properties of a SubscribeResponse.
         * @deprecated Use kapita.v1.SubscribeResponse.$Properties instead.
         */
        interface ISubscribeResponse extends kapita.v1.SubscribeResponse.$Properties {
        }

        /** Represents a SubscribeResponse. */
        class SubscribeResponse {

            /**
             * Constructs a new SubscribeResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.SubscribeResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SubscribeResponse channel. */
            channel: kapita.v1.Channel;

            /** SubscribeResponse symbol. */
            symbol: string;

            /** SubscribeResponse interval. */
            interval: kapita.v1.CandleInterval;

            /** SubscribeResponse subscribed. */
            subscribed: boolean;

            /**
             * Creates a new SubscribeResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SubscribeResponse instance
             */
            static create(properties: kapita.v1.SubscribeResponse.$Shape): kapita.v1.SubscribeResponse & kapita.v1.SubscribeResponse.$Shape;
            static create(properties?: kapita.v1.SubscribeResponse.$Properties): kapita.v1.SubscribeResponse;

            /**
             * Encodes the specified SubscribeResponse message. Does not implicitly {@link kapita.v1.SubscribeResponse.verify|verify} messages.
             * @param message SubscribeResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.SubscribeResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SubscribeResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.SubscribeResponse & kapita.v1.SubscribeResponse.$Shape} SubscribeResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.SubscribeResponse & kapita.v1.SubscribeResponse.$Shape;

            /**
             * Creates a SubscribeResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SubscribeResponse
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.SubscribeResponse;

            /**
             * Creates a plain object from a SubscribeResponse message. Also converts values to other types if specified.
             * @param message SubscribeResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.SubscribeResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SubscribeResponse to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace SubscribeResponse {

            /** Properties of a SubscribeResponse. */
            interface $Properties {

                /** SubscribeResponse channel */
                channel?: (kapita.v1.Channel|null);

                /** SubscribeResponse symbol */
                symbol?: (string|null);

                /** SubscribeResponse interval */
                interval?: (kapita.v1.CandleInterval|null);

                /** SubscribeResponse subscribed */
                subscribed?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SubscribeResponse. */
            type $Shape = kapita.v1.SubscribeResponse.$Properties;
        }

        /**
         * Properties of a Level.
         * @deprecated Use kapita.v1.Level.$Properties instead.
         */
        interface ILevel extends kapita.v1.Level.$Properties {
        }

        /** Represents a Level. */
        class Level {

            /**
             * Constructs a new Level.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.Level.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Level price. */
            price: string;

            /** Level quantity. */
            quantity: string;

            /** Level orderCount. */
            orderCount: number;

            /**
             * Creates a new Level instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Level instance
             */
            static create(properties: kapita.v1.Level.$Shape): kapita.v1.Level & kapita.v1.Level.$Shape;
            static create(properties?: kapita.v1.Level.$Properties): kapita.v1.Level;

            /**
             * Encodes the specified Level message. Does not implicitly {@link kapita.v1.Level.verify|verify} messages.
             * @param message Level message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.Level.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Level message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.Level & kapita.v1.Level.$Shape} Level
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.Level & kapita.v1.Level.$Shape;

            /**
             * Creates a Level message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Level
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.Level;

            /**
             * Creates a plain object from a Level message. Also converts values to other types if specified.
             * @param message Level
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.Level, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Level to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Level {

            /** Properties of a Level. */
            interface $Properties {

                /** Level price */
                price?: (string|null);

                /** Level quantity */
                quantity?: (string|null);

                /** Level orderCount */
                orderCount?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Level. */
            type $Shape = kapita.v1.Level.$Properties;
        }

        /**
         * Properties of a BookOrder.
         * @deprecated Use kapita.v1.BookOrder.$Properties instead.
         */
        interface IBookOrder extends kapita.v1.BookOrder.$Properties {
        }

        /** Represents a BookOrder. */
        class BookOrder {

            /**
             * Constructs a new BookOrder.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.BookOrder.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** BookOrder orderId. */
            orderId: number;

            /** BookOrder side. */
            side: kapita.v1.Side;

            /** BookOrder price. */
            price: string;

            /** BookOrder quantity. */
            quantity: string;

            /**
             * Creates a new BookOrder instance using the specified properties.
             * @param [properties] Properties to set
             * @returns BookOrder instance
             */
            static create(properties: kapita.v1.BookOrder.$Shape): kapita.v1.BookOrder & kapita.v1.BookOrder.$Shape;
            static create(properties?: kapita.v1.BookOrder.$Properties): kapita.v1.BookOrder;

            /**
             * Encodes the specified BookOrder message. Does not implicitly {@link kapita.v1.BookOrder.verify|verify} messages.
             * @param message BookOrder message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.BookOrder.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a BookOrder message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.BookOrder & kapita.v1.BookOrder.$Shape} BookOrder
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.BookOrder & kapita.v1.BookOrder.$Shape;

            /**
             * Creates a BookOrder message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns BookOrder
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.BookOrder;

            /**
             * Creates a plain object from a BookOrder message. Also converts values to other types if specified.
             * @param message BookOrder
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.BookOrder, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this BookOrder to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace BookOrder {

            /** Properties of a BookOrder. */
            interface $Properties {

                /** BookOrder orderId */
                orderId?: (number|null);

                /** BookOrder side */
                side?: (kapita.v1.Side|null);

                /** BookOrder price */
                price?: (string|null);

                /** BookOrder quantity */
                quantity?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a BookOrder. */
            type $Shape = kapita.v1.BookOrder.$Properties;
        }

        /**
         * Properties of a BookSnapshot.
         * @deprecated Use kapita.v1.BookSnapshot.$Properties instead.
         */
        interface IBookSnapshot extends kapita.v1.BookSnapshot.$Properties {
        }

        /** Represents a BookSnapshot. */
        class BookSnapshot {

            /**
             * Constructs a new BookSnapshot.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.BookSnapshot.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** BookSnapshot symbol. */
            symbol: string;

            /** BookSnapshot seq. */
            seq: number;

            /** BookSnapshot bids. */
            bids: kapita.v1.Level.$Properties[];

            /** BookSnapshot asks. */
            asks: kapita.v1.Level.$Properties[];

            /** BookSnapshot orders. */
            orders: kapita.v1.BookOrder.$Properties[];

            /**
             * Creates a new BookSnapshot instance using the specified properties.
             * @param [properties] Properties to set
             * @returns BookSnapshot instance
             */
            static create(properties: kapita.v1.BookSnapshot.$Shape): kapita.v1.BookSnapshot & kapita.v1.BookSnapshot.$Shape;
            static create(properties?: kapita.v1.BookSnapshot.$Properties): kapita.v1.BookSnapshot;

            /**
             * Encodes the specified BookSnapshot message. Does not implicitly {@link kapita.v1.BookSnapshot.verify|verify} messages.
             * @param message BookSnapshot message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.BookSnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a BookSnapshot message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.BookSnapshot & kapita.v1.BookSnapshot.$Shape} BookSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.BookSnapshot & kapita.v1.BookSnapshot.$Shape;

            /**
             * Creates a BookSnapshot message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns BookSnapshot
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.BookSnapshot;

            /**
             * Creates a plain object from a BookSnapshot message. Also converts values to other types if specified.
             * @param message BookSnapshot
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.BookSnapshot, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this BookSnapshot to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace BookSnapshot {

            /** Properties of a BookSnapshot. */
            interface $Properties {

                /** BookSnapshot symbol */
                symbol?: (string|null);

                /** BookSnapshot seq */
                seq?: (number|null);

                /** BookSnapshot bids */
                bids?: (kapita.v1.Level.$Properties[]|null);

                /** BookSnapshot asks */
                asks?: (kapita.v1.Level.$Properties[]|null);

                /** BookSnapshot orders */
                orders?: (kapita.v1.BookOrder.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a BookSnapshot. */
            type $Shape = kapita.v1.BookSnapshot.$Properties;
        }

        /**
         * Properties of a LevelChange.
         * @deprecated Use kapita.v1.LevelChange.$Properties instead.
         */
        interface ILevelChange extends kapita.v1.LevelChange.$Properties {
        }

        /** Represents a LevelChange. */
        class LevelChange {

            /**
             * Constructs a new LevelChange.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.LevelChange.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LevelChange side. */
            side: kapita.v1.Side;

            /** LevelChange price. */
            price: string;

            /** LevelChange quantity. */
            quantity: string;

            /**
             * Creates a new LevelChange instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LevelChange instance
             */
            static create(properties: kapita.v1.LevelChange.$Shape): kapita.v1.LevelChange & kapita.v1.LevelChange.$Shape;
            static create(properties?: kapita.v1.LevelChange.$Properties): kapita.v1.LevelChange;

            /**
             * Encodes the specified LevelChange message. Does not implicitly {@link kapita.v1.LevelChange.verify|verify} messages.
             * @param message LevelChange message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.LevelChange.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LevelChange message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.LevelChange & kapita.v1.LevelChange.$Shape} LevelChange
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.LevelChange & kapita.v1.LevelChange.$Shape;

            /**
             * Creates a LevelChange message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LevelChange
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.LevelChange;

            /**
             * Creates a plain object from a LevelChange message. Also converts values to other types if specified.
             * @param message LevelChange
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.LevelChange, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LevelChange to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LevelChange {

            /** Properties of a LevelChange. */
            interface $Properties {

                /** LevelChange side */
                side?: (kapita.v1.Side|null);

                /** LevelChange price */
                price?: (string|null);

                /** LevelChange quantity */
                quantity?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LevelChange. */
            type $Shape = kapita.v1.LevelChange.$Properties;
        }

        /**
         * Properties of a BookUpdate.
         * @deprecated Use kapita.v1.BookUpdate.$Properties instead.
         */
        interface IBookUpdate extends kapita.v1.BookUpdate.$Properties {
        }

        /** Represents a BookUpdate. */
        class BookUpdate {

            /**
             * Constructs a new BookUpdate.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.BookUpdate.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** BookUpdate symbol. */
            symbol: string;

            /** BookUpdate seq. */
            seq: number;

            /** BookUpdate prevSeq. */
            prevSeq: number;

            /** BookUpdate changes. */
            changes: kapita.v1.LevelChange.$Properties[];

            /** BookUpdate timeNs. */
            timeNs: number;

            /**
             * Creates a new BookUpdate instance using the specified properties.
             * @param [properties] Properties to set
             * @returns BookUpdate instance
             */
            static create(properties: kapita.v1.BookUpdate.$Shape): kapita.v1.BookUpdate & kapita.v1.BookUpdate.$Shape;
            static create(properties?: kapita.v1.BookUpdate.$Properties): kapita.v1.BookUpdate;

            /**
             * Encodes the specified BookUpdate message. Does not implicitly {@link kapita.v1.BookUpdate.verify|verify} messages.
             * @param message BookUpdate message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.BookUpdate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a BookUpdate message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.BookUpdate & kapita.v1.BookUpdate.$Shape} BookUpdate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.BookUpdate & kapita.v1.BookUpdate.$Shape;

            /**
             * Creates a BookUpdate message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns BookUpdate
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.BookUpdate;

            /**
             * Creates a plain object from a BookUpdate message. Also converts values to other types if specified.
             * @param message BookUpdate
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.BookUpdate, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this BookUpdate to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace BookUpdate {

            /** Properties of a BookUpdate. */
            interface $Properties {

                /** BookUpdate symbol */
                symbol?: (string|null);

                /** BookUpdate seq */
                seq?: (number|null);

                /** BookUpdate prevSeq */
                prevSeq?: (number|null);

                /** BookUpdate changes */
                changes?: (kapita.v1.LevelChange.$Properties[]|null);

                /** BookUpdate timeNs */
                timeNs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a BookUpdate. */
            type $Shape = kapita.v1.BookUpdate.$Properties;
        }

        /**
         * Properties of a L3Update.
         * @deprecated Use kapita.v1.L3Update.$Properties instead.
         */
        interface IL3Update extends kapita.v1.L3Update.$Properties {
        }

        /** Represents a L3Update. */
        class L3Update {

            /**
             * Constructs a new L3Update.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.L3Update.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** L3Update symbol. */
            symbol: string;

            /** L3Update seq. */
            seq: number;

            /** L3Update prevSeq. */
            prevSeq: number;

            /** L3Update changes. */
            changes: kapita.v1.BookOrder.$Properties[];

            /**
             * Creates a new L3Update instance using the specified properties.
             * @param [properties] Properties to set
             * @returns L3Update instance
             */
            static create(properties: kapita.v1.L3Update.$Shape): kapita.v1.L3Update & kapita.v1.L3Update.$Shape;
            static create(properties?: kapita.v1.L3Update.$Properties): kapita.v1.L3Update;

            /**
             * Encodes the specified L3Update message. Does not implicitly {@link kapita.v1.L3Update.verify|verify} messages.
             * @param message L3Update message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.L3Update.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a L3Update message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.L3Update & kapita.v1.L3Update.$Shape} L3Update
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.L3Update & kapita.v1.L3Update.$Shape;

            /**
             * Creates a L3Update message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns L3Update
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.L3Update;

            /**
             * Creates a plain object from a L3Update message. Also converts values to other types if specified.
             * @param message L3Update
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.L3Update, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this L3Update to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace L3Update {

            /** Properties of a L3Update. */
            interface $Properties {

                /** L3Update symbol */
                symbol?: (string|null);

                /** L3Update seq */
                seq?: (number|null);

                /** L3Update prevSeq */
                prevSeq?: (number|null);

                /** L3Update changes */
                changes?: (kapita.v1.BookOrder.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a L3Update. */
            type $Shape = kapita.v1.L3Update.$Properties;
        }

        /**
         * Properties of a TopOfBook.
         * @deprecated Use kapita.v1.TopOfBook.$Properties instead.
         */
        interface ITopOfBook extends kapita.v1.TopOfBook.$Properties {
        }

        /** Represents a TopOfBook. */
        class TopOfBook {

            /**
             * Constructs a new TopOfBook.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.TopOfBook.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TopOfBook symbol. */
            symbol: string;

            /** TopOfBook seq. */
            seq: number;

            /** TopOfBook bidPrice. */
            bidPrice: string;

            /** TopOfBook bidQuantity. */
            bidQuantity: string;

            /** TopOfBook askPrice. */
            askPrice: string;

            /** TopOfBook askQuantity. */
            askQuantity: string;

            /** TopOfBook timeMs. */
            timeMs: number;

            /** TopOfBook timeNs. */
            timeNs: number;

            /**
             * Creates a new TopOfBook instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TopOfBook instance
             */
            static create(properties: kapita.v1.TopOfBook.$Shape): kapita.v1.TopOfBook & kapita.v1.TopOfBook.$Shape;
            static create(properties?: kapita.v1.TopOfBook.$Properties): kapita.v1.TopOfBook;

            /**
             * Encodes the specified TopOfBook message. Does not implicitly {@link kapita.v1.TopOfBook.verify|verify} messages.
             * @param message TopOfBook message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.TopOfBook.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TopOfBook message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.TopOfBook & kapita.v1.TopOfBook.$Shape} TopOfBook
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.TopOfBook & kapita.v1.TopOfBook.$Shape;

            /**
             * Creates a TopOfBook message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TopOfBook
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.TopOfBook;

            /**
             * Creates a plain object from a TopOfBook message. Also converts values to other types if specified.
             * @param message TopOfBook
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.TopOfBook, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TopOfBook to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace TopOfBook {

            /** Properties of a TopOfBook. */
            interface $Properties {

                /** TopOfBook symbol */
                symbol?: (string|null);

                /** TopOfBook seq */
                seq?: (number|null);

                /** TopOfBook bidPrice */
                bidPrice?: (string|null);

                /** TopOfBook bidQuantity */
                bidQuantity?: (string|null);

                /** TopOfBook askPrice */
                askPrice?: (string|null);

                /** TopOfBook askQuantity */
                askQuantity?: (string|null);

                /** TopOfBook timeMs */
                timeMs?: (number|null);

                /** TopOfBook timeNs */
                timeNs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TopOfBook. */
            type $Shape = kapita.v1.TopOfBook.$Properties;
        }

        /**
         * Properties of a Trade.
         * @deprecated Use kapita.v1.Trade.$Properties instead.
         */
        interface ITrade extends kapita.v1.Trade.$Properties {
        }

        /** Represents a Trade. */
        class Trade {

            /**
             * Constructs a new Trade.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.Trade.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Trade symbol. */
            symbol: string;

            /** Trade tradeId. */
            tradeId: number;

            /** Trade price. */
            price: string;

            /** Trade quantity. */
            quantity: string;

            /** Trade side. */
            side: kapita.v1.Side;

            /** Trade seq. */
            seq: number;

            /** Trade timeMs. */
            timeMs: number;

            /** Trade timeNs. */
            timeNs: number;

            /**
             * Creates a new Trade instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Trade instance
             */
            static create(properties: kapita.v1.Trade.$Shape): kapita.v1.Trade & kapita.v1.Trade.$Shape;
            static create(properties?: kapita.v1.Trade.$Properties): kapita.v1.Trade;

            /**
             * Encodes the specified Trade message. Does not implicitly {@link kapita.v1.Trade.verify|verify} messages.
             * @param message Trade message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.Trade.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Trade message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.Trade & kapita.v1.Trade.$Shape} Trade
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.Trade & kapita.v1.Trade.$Shape;

            /**
             * Creates a Trade message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Trade
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.Trade;

            /**
             * Creates a plain object from a Trade message. Also converts values to other types if specified.
             * @param message Trade
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.Trade, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Trade to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Trade {

            /** Properties of a Trade. */
            interface $Properties {

                /** Trade symbol */
                symbol?: (string|null);

                /** Trade tradeId */
                tradeId?: (number|null);

                /** Trade price */
                price?: (string|null);

                /** Trade quantity */
                quantity?: (string|null);

                /** Trade side */
                side?: (kapita.v1.Side|null);

                /** Trade seq */
                seq?: (number|null);

                /** Trade timeMs */
                timeMs?: (number|null);

                /** Trade timeNs */
                timeNs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Trade. */
            type $Shape = kapita.v1.Trade.$Properties;
        }

        /**
         * Properties of a Candle.
         * @deprecated Use kapita.v1.Candle.$Properties instead.
         */
        interface ICandle extends kapita.v1.Candle.$Properties {
        }

        /** Represents a Candle. */
        class Candle {

            /**
             * Constructs a new Candle.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.Candle.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Candle symbol. */
            symbol: string;

            /** Candle interval. */
            interval: kapita.v1.CandleInterval;

            /** Candle startMs. */
            startMs: number;

            /** Candle open. */
            open: string;

            /** Candle high. */
            high: string;

            /** Candle low. */
            low: string;

            /** Candle close. */
            close: string;

            /** Candle volume. */
            volume: string;

            /** Candle trades. */
            trades: number;

            /** Candle closed. */
            closed: boolean;

            /** Candle startNs. */
            startNs: number;

            /**
             * Creates a new Candle instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Candle instance
             */
            static create(properties: kapita.v1.Candle.$Shape): kapita.v1.Candle & kapita.v1.Candle.$Shape;
            static create(properties?: kapita.v1.Candle.$Properties): kapita.v1.Candle;

            /**
             * Encodes the specified Candle message. Does not implicitly {@link kapita.v1.Candle.verify|verify} messages.
             * @param message Candle message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.Candle.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Candle message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.Candle & kapita.v1.Candle.$Shape} Candle
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.Candle & kapita.v1.Candle.$Shape;

            /**
             * Creates a Candle message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Candle
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.Candle;

            /**
             * Creates a plain object from a Candle message. Also converts values to other types if specified.
             * @param message Candle
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.Candle, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Candle to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Candle {

            /** Properties of a Candle. */
            interface $Properties {

                /** Candle symbol */
                symbol?: (string|null);

                /** Candle interval */
                interval?: (kapita.v1.CandleInterval|null);

                /** Candle startMs */
                startMs?: (number|null);

                /** Candle open */
                open?: (string|null);

                /** Candle high */
                high?: (string|null);

                /** Candle low */
                low?: (string|null);

                /** Candle close */
                close?: (string|null);

                /** Candle volume */
                volume?: (string|null);

                /** Candle trades */
                trades?: (number|null);

                /** Candle closed */
                closed?: (boolean|null);

                /** Candle startNs */
                startNs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Candle. */
            type $Shape = kapita.v1.Candle.$Properties;
        }

        /**
         * Properties of a Balance.
         * @deprecated Use kapita.v1.Balance.$Properties instead.
         */
        interface IBalance extends kapita.v1.Balance.$Properties {
        }

        /** Represents a Balance. */
        class Balance {

            /**
             * Constructs a new Balance.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.Balance.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Balance asset. */
            asset: string;

            /** Balance total. */
            total: string;

            /** Balance held. */
            held: string;

            /** Balance available. */
            available: string;

            /**
             * Creates a new Balance instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Balance instance
             */
            static create(properties: kapita.v1.Balance.$Shape): kapita.v1.Balance & kapita.v1.Balance.$Shape;
            static create(properties?: kapita.v1.Balance.$Properties): kapita.v1.Balance;

            /**
             * Encodes the specified Balance message. Does not implicitly {@link kapita.v1.Balance.verify|verify} messages.
             * @param message Balance message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.Balance.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Balance message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.Balance & kapita.v1.Balance.$Shape} Balance
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.Balance & kapita.v1.Balance.$Shape;

            /**
             * Creates a Balance message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Balance
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.Balance;

            /**
             * Creates a plain object from a Balance message. Also converts values to other types if specified.
             * @param message Balance
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.Balance, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Balance to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Balance {

            /** Properties of a Balance. */
            interface $Properties {

                /** Balance asset */
                asset?: (string|null);

                /** Balance total */
                total?: (string|null);

                /** Balance held */
                held?: (string|null);

                /** Balance available */
                available?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Balance. */
            type $Shape = kapita.v1.Balance.$Properties;
        }

        /**
         * Properties of a BalanceUpdate.
         * @deprecated Use kapita.v1.BalanceUpdate.$Properties instead.
         */
        interface IBalanceUpdate extends kapita.v1.BalanceUpdate.$Properties {
        }

        /** Represents a BalanceUpdate. */
        class BalanceUpdate {

            /**
             * Constructs a new BalanceUpdate.
             * @param [properties] Properties to set
             */
            constructor(properties?: kapita.v1.BalanceUpdate.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** BalanceUpdate seq. */
            seq: number;

            /** BalanceUpdate balances. */
            balances: kapita.v1.Balance.$Properties[];

            /**
             * Creates a new BalanceUpdate instance using the specified properties.
             * @param [properties] Properties to set
             * @returns BalanceUpdate instance
             */
            static create(properties: kapita.v1.BalanceUpdate.$Shape): kapita.v1.BalanceUpdate & kapita.v1.BalanceUpdate.$Shape;
            static create(properties?: kapita.v1.BalanceUpdate.$Properties): kapita.v1.BalanceUpdate;

            /**
             * Encodes the specified BalanceUpdate message. Does not implicitly {@link kapita.v1.BalanceUpdate.verify|verify} messages.
             * @param message BalanceUpdate message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: kapita.v1.BalanceUpdate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a BalanceUpdate message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {kapita.v1.BalanceUpdate & kapita.v1.BalanceUpdate.$Shape} BalanceUpdate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kapita.v1.BalanceUpdate & kapita.v1.BalanceUpdate.$Shape;

            /**
             * Creates a BalanceUpdate message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns BalanceUpdate
             */
            static fromObject(object: { [k: string]: any }): kapita.v1.BalanceUpdate;

            /**
             * Creates a plain object from a BalanceUpdate message. Also converts values to other types if specified.
             * @param message BalanceUpdate
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: kapita.v1.BalanceUpdate, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this BalanceUpdate to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace BalanceUpdate {

            /** Properties of a BalanceUpdate. */
            interface $Properties {

                /** BalanceUpdate seq */
                seq?: (number|null);

                /** BalanceUpdate balances */
                balances?: (kapita.v1.Balance.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a BalanceUpdate. */
            type $Shape = kapita.v1.BalanceUpdate.$Properties;
        }
    }
}
