/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $String = $util.global.String, $BigInt = $util.global.BigInt, $Boolean = $util.global.Boolean, $Array = $util.global.Array;

const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const kapita = $root.kapita = (() => {

    const kapita = {};

    kapita.v1 = (function() {

        const v1 = {};

        v1.Envelope = (function() {

            const Envelope = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Envelope.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Envelope.prototype.placeOrder = null;
            Envelope.prototype.cancelOrder = null;
            Envelope.prototype.amendOrder = null;
            Envelope.prototype.massCancel = null;
            Envelope.prototype.orderResponse = null;
            Envelope.prototype.executionReport = null;
            Envelope.prototype.bookUpdate = null;
            Envelope.prototype.topOfBook = null;
            Envelope.prototype.trade = null;
            Envelope.prototype.bookSnapshot = null;
            Envelope.prototype.l3Update = null;
            Envelope.prototype.candle = null;
            Envelope.prototype.heartbeat = null;
            Envelope.prototype.error = null;
            Envelope.prototype.authRequest = null;
            Envelope.prototype.authResponse = null;
            Envelope.prototype.subscribe = null;
            Envelope.prototype.unsubscribe = null;
            Envelope.prototype.subscribeResponse = null;
            Envelope.prototype.ping = null;
            Envelope.prototype.pong = null;
            Envelope.prototype.cancelResponse = null;
            Envelope.prototype.massCancelResponse = null;
            Envelope.prototype.balanceUpdate = null;

            let $oneOfFields;

            $Object.defineProperty(Envelope.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["placeOrder", "cancelOrder", "amendOrder", "massCancel", "orderResponse", "executionReport", "bookUpdate", "topOfBook", "trade", "bookSnapshot", "l3Update", "candle", "heartbeat", "error", "authRequest", "authResponse", "subscribe", "unsubscribe", "subscribeResponse", "ping", "pong", "cancelResponse", "massCancelResponse", "balanceUpdate"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Envelope.create = function(properties) {
                return new Envelope(properties);
            };

            Envelope.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && (typeof message.requestId === "object" ? message.requestId.low || message.requestId.high : message.requestId !== 0))
                    writer.uint32(8).uint64(message.requestId);
                if (message.placeOrder != null && $Object.hasOwnProperty.call(message, "placeOrder"))
                    $root.kapita.v1.PlaceOrder.encode(message.placeOrder, writer.uint32(18).fork(), _depth + 1).ldelim();
                if (message.cancelOrder != null && $Object.hasOwnProperty.call(message, "cancelOrder"))
                    $root.kapita.v1.CancelOrder.encode(message.cancelOrder, writer.uint32(26).fork(), _depth + 1).ldelim();
                if (message.amendOrder != null && $Object.hasOwnProperty.call(message, "amendOrder"))
                    $root.kapita.v1.AmendOrder.encode(message.amendOrder, writer.uint32(34).fork(), _depth + 1).ldelim();
                if (message.massCancel != null && $Object.hasOwnProperty.call(message, "massCancel"))
                    $root.kapita.v1.MassCancel.encode(message.massCancel, writer.uint32(42).fork(), _depth + 1).ldelim();
                if (message.orderResponse != null && $Object.hasOwnProperty.call(message, "orderResponse"))
                    $root.kapita.v1.OrderResponse.encode(message.orderResponse, writer.uint32(50).fork(), _depth + 1).ldelim();
                if (message.executionReport != null && $Object.hasOwnProperty.call(message, "executionReport"))
                    $root.kapita.v1.ExecutionReport.encode(message.executionReport, writer.uint32(58).fork(), _depth + 1).ldelim();
                if (message.bookUpdate != null && $Object.hasOwnProperty.call(message, "bookUpdate"))
                    $root.kapita.v1.BookUpdate.encode(message.bookUpdate, writer.uint32(66).fork(), _depth + 1).ldelim();
                if (message.topOfBook != null && $Object.hasOwnProperty.call(message, "topOfBook"))
                    $root.kapita.v1.TopOfBook.encode(message.topOfBook, writer.uint32(74).fork(), _depth + 1).ldelim();
                if (message.trade != null && $Object.hasOwnProperty.call(message, "trade"))
                    $root.kapita.v1.Trade.encode(message.trade, writer.uint32(82).fork(), _depth + 1).ldelim();
                if (message.bookSnapshot != null && $Object.hasOwnProperty.call(message, "bookSnapshot"))
                    $root.kapita.v1.BookSnapshot.encode(message.bookSnapshot, writer.uint32(90).fork(), _depth + 1).ldelim();
                if (message.l3Update != null && $Object.hasOwnProperty.call(message, "l3Update"))
                    $root.kapita.v1.L3Update.encode(message.l3Update, writer.uint32(98).fork(), _depth + 1).ldelim();
                if (message.candle != null && $Object.hasOwnProperty.call(message, "candle"))
                    $root.kapita.v1.Candle.encode(message.candle, writer.uint32(106).fork(), _depth + 1).ldelim();
                if (message.heartbeat != null && $Object.hasOwnProperty.call(message, "heartbeat"))
                    $root.kapita.v1.Heartbeat.encode(message.heartbeat, writer.uint32(114).fork(), _depth + 1).ldelim();
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    $root.kapita.v1.Error.encode(message.error, writer.uint32(122).fork(), _depth + 1).ldelim();
                if (message.authRequest != null && $Object.hasOwnProperty.call(message, "authRequest"))
                    $root.kapita.v1.AuthRequest.encode(message.authRequest, writer.uint32(130).fork(), _depth + 1).ldelim();
                if (message.authResponse != null && $Object.hasOwnProperty.call(message, "authResponse"))
                    $root.kapita.v1.AuthResponse.encode(message.authResponse, writer.uint32(138).fork(), _depth + 1).ldelim();
                if (message.subscribe != null && $Object.hasOwnProperty.call(message, "subscribe"))
                    $root.kapita.v1.Subscribe.encode(message.subscribe, writer.uint32(146).fork(), _depth + 1).ldelim();
                if (message.unsubscribe != null && $Object.hasOwnProperty.call(message, "unsubscribe"))
                    $root.kapita.v1.Unsubscribe.encode(message.unsubscribe, writer.uint32(154).fork(), _depth + 1).ldelim();
                if (message.subscribeResponse != null && $Object.hasOwnProperty.call(message, "subscribeResponse"))
                    $root.kapita.v1.SubscribeResponse.encode(message.subscribeResponse, writer.uint32(162).fork(), _depth + 1).ldelim();
                if (message.ping != null && $Object.hasOwnProperty.call(message, "ping"))
                    $root.kapita.v1.Ping.encode(message.ping, writer.uint32(170).fork(), _depth + 1).ldelim();
                if (message.pong != null && $Object.hasOwnProperty.call(message, "pong"))
                    $root.kapita.v1.Pong.encode(message.pong, writer.uint32(178).fork(), _depth + 1).ldelim();
                if (message.cancelResponse != null && $Object.hasOwnProperty.call(message, "cancelResponse"))
                    $root.kapita.v1.CancelResponse.encode(message.cancelResponse, writer.uint32(186).fork(), _depth + 1).ldelim();
                if (message.massCancelResponse != null && $Object.hasOwnProperty.call(message, "massCancelResponse"))
                    $root.kapita.v1.MassCancelResponse.encode(message.massCancelResponse, writer.uint32(194).fork(), _depth + 1).ldelim();
                if (message.balanceUpdate != null && $Object.hasOwnProperty.call(message, "balanceUpdate"))
                    $root.kapita.v1.BalanceUpdate.encode(message.balanceUpdate, writer.uint32(202).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Envelope.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.Envelope();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.requestId = value;
                            else
                                delete message.requestId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.placeOrder = $root.kapita.v1.PlaceOrder.decode(reader, reader.size(), $undefined, _depth + 1, message.placeOrder);
                            message.body = "placeOrder";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.cancelOrder = $root.kapita.v1.CancelOrder.decode(reader, reader.size(), $undefined, _depth + 1, message.cancelOrder);
                            message.body = "cancelOrder";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.amendOrder = $root.kapita.v1.AmendOrder.decode(reader, reader.size(), $undefined, _depth + 1, message.amendOrder);
                            message.body = "amendOrder";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.massCancel = $root.kapita.v1.MassCancel.decode(reader, reader.size(), $undefined, _depth + 1, message.massCancel);
                            message.body = "massCancel";
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.orderResponse = $root.kapita.v1.OrderResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.orderResponse);
                            message.body = "orderResponse";
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            message.executionReport = $root.kapita.v1.ExecutionReport.decode(reader, reader.size(), $undefined, _depth + 1, message.executionReport);
                            message.body = "executionReport";
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            message.bookUpdate = $root.kapita.v1.BookUpdate.decode(reader, reader.size(), $undefined, _depth + 1, message.bookUpdate);
                            message.body = "bookUpdate";
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            message.topOfBook = $root.kapita.v1.TopOfBook.decode(reader, reader.size(), $undefined, _depth + 1, message.topOfBook);
                            message.body = "topOfBook";
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.trade = $root.kapita.v1.Trade.decode(reader, reader.size(), $undefined, _depth + 1, message.trade);
                            message.body = "trade";
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            message.bookSnapshot = $root.kapita.v1.BookSnapshot.decode(reader, reader.size(), $undefined, _depth + 1, message.bookSnapshot);
                            message.body = "bookSnapshot";
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            message.l3Update = $root.kapita.v1.L3Update.decode(reader, reader.size(), $undefined, _depth + 1, message.l3Update);
                            message.body = "l3Update";
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            message.candle = $root.kapita.v1.Candle.decode(reader, reader.size(), $undefined, _depth + 1, message.candle);
                            message.body = "candle";
                            continue;
                        }
                    case 14: {
                            if (wireType !== 2)
                                break;
                            message.heartbeat = $root.kapita.v1.Heartbeat.decode(reader, reader.size(), $undefined, _depth + 1, message.heartbeat);
                            message.body = "heartbeat";
                            continue;
                        }
                    case 15: {
                            if (wireType !== 2)
                                break;
                            message.error = $root.kapita.v1.Error.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                            message.body = "error";
                            continue;
                        }
                    case 16: {
                            if (wireType !== 2)
                                break;
                            message.authRequest = $root.kapita.v1.AuthRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.authRequest);
                            message.body = "authRequest";
                            continue;
                        }
                    case 17: {
                            if (wireType !== 2)
                                break;
                            message.authResponse = $root.kapita.v1.AuthResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.authResponse);
                            message.body = "authResponse";
                            continue;
                        }
                    case 18: {
                            if (wireType !== 2)
                                break;
                            message.subscribe = $root.kapita.v1.Subscribe.decode(reader, reader.size(), $undefined, _depth + 1, message.subscribe);
                            message.body = "subscribe";
                            continue;
                        }
                    case 19: {
                            if (wireType !== 2)
                                break;
                            message.unsubscribe = $root.kapita.v1.Unsubscribe.decode(reader, reader.size(), $undefined, _depth + 1, message.unsubscribe);
                            message.body = "unsubscribe";
                            continue;
                        }
                    case 20: {
                            if (wireType !== 2)
                                break;
                            message.subscribeResponse = $root.kapita.v1.SubscribeResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.subscribeResponse);
                            message.body = "subscribeResponse";
                            continue;
                        }
                    case 21: {
                            if (wireType !== 2)
                                break;
                            message.ping = $root.kapita.v1.Ping.decode(reader, reader.size(), $undefined, _depth + 1, message.ping);
                            message.body = "ping";
                            continue;
                        }
                    case 22: {
                            if (wireType !== 2)
                                break;
                            message.pong = $root.kapita.v1.Pong.decode(reader, reader.size(), $undefined, _depth + 1, message.pong);
                            message.body = "pong";
                            continue;
                        }
                    case 23: {
                            if (wireType !== 2)
                                break;
                            message.cancelResponse = $root.kapita.v1.CancelResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.cancelResponse);
                            message.body = "cancelResponse";
                            continue;
                        }
                    case 24: {
                            if (wireType !== 2)
                                break;
                            message.massCancelResponse = $root.kapita.v1.MassCancelResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.massCancelResponse);
                            message.body = "massCancelResponse";
                            continue;
                        }
                    case 25: {
                            if (wireType !== 2)
                                break;
                            message.balanceUpdate = $root.kapita.v1.BalanceUpdate.decode(reader, reader.size(), $undefined, _depth + 1, message.balanceUpdate);
                            message.body = "balanceUpdate";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Envelope.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.Envelope)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.Envelope: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.Envelope();
                if (object.requestId != null)
                    if (typeof object.requestId === "object" ? object.requestId.low || object.requestId.high : $Number(object.requestId) !== 0)
                        if ($util.Long)
                            message.requestId = $util.Long.fromValue(object.requestId, true);
                        else if (typeof object.requestId === "string")
                            message.requestId = $parseInt(object.requestId, 10);
                        else if (typeof object.requestId === "number")
                            message.requestId = object.requestId;
                        else if (typeof object.requestId === "object")
                            message.requestId = new $util.LongBits(object.requestId.low >>> 0, object.requestId.high >>> 0).toNumber(true);
                if (object.placeOrder != null) {
                    if (!$util.isObject(object.placeOrder))
                        throw $TypeError(".kapita.v1.Envelope.placeOrder: object expected");
                    message.placeOrder = $root.kapita.v1.PlaceOrder.fromObject(object.placeOrder, _depth + 1);
                }
                if (object.cancelOrder != null) {
                    if (!$util.isObject(object.cancelOrder))
                        throw $TypeError(".kapita.v1.Envelope.cancelOrder: object expected");
                    message.cancelOrder = $root.kapita.v1.CancelOrder.fromObject(object.cancelOrder, _depth + 1);
                }
                if (object.amendOrder != null) {
                    if (!$util.isObject(object.amendOrder))
                        throw $TypeError(".kapita.v1.Envelope.amendOrder: object expected");
                    message.amendOrder = $root.kapita.v1.AmendOrder.fromObject(object.amendOrder, _depth + 1);
                }
                if (object.massCancel != null) {
                    if (!$util.isObject(object.massCancel))
                        throw $TypeError(".kapita.v1.Envelope.massCancel: object expected");
                    message.massCancel = $root.kapita.v1.MassCancel.fromObject(object.massCancel, _depth + 1);
                }
                if (object.orderResponse != null) {
                    if (!$util.isObject(object.orderResponse))
                        throw $TypeError(".kapita.v1.Envelope.orderResponse: object expected");
                    message.orderResponse = $root.kapita.v1.OrderResponse.fromObject(object.orderResponse, _depth + 1);
                }
                if (object.executionReport != null) {
                    if (!$util.isObject(object.executionReport))
                        throw $TypeError(".kapita.v1.Envelope.executionReport: object expected");
                    message.executionReport = $root.kapita.v1.ExecutionReport.fromObject(object.executionReport, _depth + 1);
                }
                if (object.bookUpdate != null) {
                    if (!$util.isObject(object.bookUpdate))
                        throw $TypeError(".kapita.v1.Envelope.bookUpdate: object expected");
                    message.bookUpdate = $root.kapita.v1.BookUpdate.fromObject(object.bookUpdate, _depth + 1);
                }
                if (object.topOfBook != null) {
                    if (!$util.isObject(object.topOfBook))
                        throw $TypeError(".kapita.v1.Envelope.topOfBook: object expected");
                    message.topOfBook = $root.kapita.v1.TopOfBook.fromObject(object.topOfBook, _depth + 1);
                }
                if (object.trade != null) {
                    if (!$util.isObject(object.trade))
                        throw $TypeError(".kapita.v1.Envelope.trade: object expected");
                    message.trade = $root.kapita.v1.Trade.fromObject(object.trade, _depth + 1);
                }
                if (object.bookSnapshot != null) {
                    if (!$util.isObject(object.bookSnapshot))
                        throw $TypeError(".kapita.v1.Envelope.bookSnapshot: object expected");
                    message.bookSnapshot = $root.kapita.v1.BookSnapshot.fromObject(object.bookSnapshot, _depth + 1);
                }
                if (object.l3Update != null) {
                    if (!$util.isObject(object.l3Update))
                        throw $TypeError(".kapita.v1.Envelope.l3Update: object expected");
                    message.l3Update = $root.kapita.v1.L3Update.fromObject(object.l3Update, _depth + 1);
                }
                if (object.candle != null) {
                    if (!$util.isObject(object.candle))
                        throw $TypeError(".kapita.v1.Envelope.candle: object expected");
                    message.candle = $root.kapita.v1.Candle.fromObject(object.candle, _depth + 1);
                }
                if (object.heartbeat != null) {
                    if (!$util.isObject(object.heartbeat))
                        throw $TypeError(".kapita.v1.Envelope.heartbeat: object expected");
                    message.heartbeat = $root.kapita.v1.Heartbeat.fromObject(object.heartbeat, _depth + 1);
                }
                if (object.error != null) {
                    if (!$util.isObject(object.error))
                        throw $TypeError(".kapita.v1.Envelope.error: object expected");
                    message.error = $root.kapita.v1.Error.fromObject(object.error, _depth + 1);
                }
                if (object.authRequest != null) {
                    if (!$util.isObject(object.authRequest))
                        throw $TypeError(".kapita.v1.Envelope.authRequest: object expected");
                    message.authRequest = $root.kapita.v1.AuthRequest.fromObject(object.authRequest, _depth + 1);
                }
                if (object.authResponse != null) {
                    if (!$util.isObject(object.authResponse))
                        throw $TypeError(".kapita.v1.Envelope.authResponse: object expected");
                    message.authResponse = $root.kapita.v1.AuthResponse.fromObject(object.authResponse, _depth + 1);
                }
                if (object.subscribe != null) {
                    if (!$util.isObject(object.subscribe))
                        throw $TypeError(".kapita.v1.Envelope.subscribe: object expected");
                    message.subscribe = $root.kapita.v1.Subscribe.fromObject(object.subscribe, _depth + 1);
                }
                if (object.unsubscribe != null) {
                    if (!$util.isObject(object.unsubscribe))
                        throw $TypeError(".kapita.v1.Envelope.unsubscribe: object expected");
                    message.unsubscribe = $root.kapita.v1.Unsubscribe.fromObject(object.unsubscribe, _depth + 1);
                }
                if (object.subscribeResponse != null) {
                    if (!$util.isObject(object.subscribeResponse))
                        throw $TypeError(".kapita.v1.Envelope.subscribeResponse: object expected");
                    message.subscribeResponse = $root.kapita.v1.SubscribeResponse.fromObject(object.subscribeResponse, _depth + 1);
                }
                if (object.ping != null) {
                    if (!$util.isObject(object.ping))
                        throw $TypeError(".kapita.v1.Envelope.ping: object expected");
                    message.ping = $root.kapita.v1.Ping.fromObject(object.ping, _depth + 1);
                }
                if (object.pong != null) {
                    if (!$util.isObject(object.pong))
                        throw $TypeError(".kapita.v1.Envelope.pong: object expected");
                    message.pong = $root.kapita.v1.Pong.fromObject(object.pong, _depth + 1);
                }
                if (object.cancelResponse != null) {
                    if (!$util.isObject(object.cancelResponse))
                        throw $TypeError(".kapita.v1.Envelope.cancelResponse: object expected");
                    message.cancelResponse = $root.kapita.v1.CancelResponse.fromObject(object.cancelResponse, _depth + 1);
                }
                if (object.massCancelResponse != null) {
                    if (!$util.isObject(object.massCancelResponse))
                        throw $TypeError(".kapita.v1.Envelope.massCancelResponse: object expected");
                    message.massCancelResponse = $root.kapita.v1.MassCancelResponse.fromObject(object.massCancelResponse, _depth + 1);
                }
                if (object.balanceUpdate != null) {
                    if (!$util.isObject(object.balanceUpdate))
                        throw $TypeError(".kapita.v1.Envelope.balanceUpdate: object expected");
                    message.balanceUpdate = $root.kapita.v1.BalanceUpdate.fromObject(object.balanceUpdate, _depth + 1);
                }
                return message;
            };

            Envelope.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.requestId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.requestId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.requestId = typeof message.requestId === "number" ? $BigInt(message.requestId) : $util.Long.fromBits(message.requestId.low >>> 0, message.requestId.high >>> 0, true).toBigInt();
                    else if (typeof message.requestId === "number")
                        object.requestId = options.longs === $String ? $String(message.requestId) : message.requestId;
                    else
                        object.requestId = options.longs === $String ? $util.Long.prototype.toString.call(message.requestId) : options.longs === $Number ? new $util.LongBits(message.requestId.low >>> 0, message.requestId.high >>> 0).toNumber(true) : message.requestId;
                if (message.placeOrder != null && $Object.hasOwnProperty.call(message, "placeOrder")) {
                    object.placeOrder = $root.kapita.v1.PlaceOrder.toObject(message.placeOrder, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "placeOrder";
                }
                if (message.cancelOrder != null && $Object.hasOwnProperty.call(message, "cancelOrder")) {
                    object.cancelOrder = $root.kapita.v1.CancelOrder.toObject(message.cancelOrder, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "cancelOrder";
                }
                if (message.amendOrder != null && $Object.hasOwnProperty.call(message, "amendOrder")) {
                    object.amendOrder = $root.kapita.v1.AmendOrder.toObject(message.amendOrder, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "amendOrder";
                }
                if (message.massCancel != null && $Object.hasOwnProperty.call(message, "massCancel")) {
                    object.massCancel = $root.kapita.v1.MassCancel.toObject(message.massCancel, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "massCancel";
                }
                if (message.orderResponse != null && $Object.hasOwnProperty.call(message, "orderResponse")) {
                    object.orderResponse = $root.kapita.v1.OrderResponse.toObject(message.orderResponse, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "orderResponse";
                }
                if (message.executionReport != null && $Object.hasOwnProperty.call(message, "executionReport")) {
                    object.executionReport = $root.kapita.v1.ExecutionReport.toObject(message.executionReport, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "executionReport";
                }
                if (message.bookUpdate != null && $Object.hasOwnProperty.call(message, "bookUpdate")) {
                    object.bookUpdate = $root.kapita.v1.BookUpdate.toObject(message.bookUpdate, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "bookUpdate";
                }
                if (message.topOfBook != null && $Object.hasOwnProperty.call(message, "topOfBook")) {
                    object.topOfBook = $root.kapita.v1.TopOfBook.toObject(message.topOfBook, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "topOfBook";
                }
                if (message.trade != null && $Object.hasOwnProperty.call(message, "trade")) {
                    object.trade = $root.kapita.v1.Trade.toObject(message.trade, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "trade";
                }
                if (message.bookSnapshot != null && $Object.hasOwnProperty.call(message, "bookSnapshot")) {
                    object.bookSnapshot = $root.kapita.v1.BookSnapshot.toObject(message.bookSnapshot, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "bookSnapshot";
                }
                if (message.l3Update != null && $Object.hasOwnProperty.call(message, "l3Update")) {
                    object.l3Update = $root.kapita.v1.L3Update.toObject(message.l3Update, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "l3Update";
                }
                if (message.candle != null && $Object.hasOwnProperty.call(message, "candle")) {
                    object.candle = $root.kapita.v1.Candle.toObject(message.candle, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "candle";
                }
                if (message.heartbeat != null && $Object.hasOwnProperty.call(message, "heartbeat")) {
                    object.heartbeat = $root.kapita.v1.Heartbeat.toObject(message.heartbeat, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "heartbeat";
                }
                if (message.error != null && $Object.hasOwnProperty.call(message, "error")) {
                    object.error = $root.kapita.v1.Error.toObject(message.error, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "error";
                }
                if (message.authRequest != null && $Object.hasOwnProperty.call(message, "authRequest")) {
                    object.authRequest = $root.kapita.v1.AuthRequest.toObject(message.authRequest, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "authRequest";
                }
                if (message.authResponse != null && $Object.hasOwnProperty.call(message, "authResponse")) {
                    object.authResponse = $root.kapita.v1.AuthResponse.toObject(message.authResponse, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "authResponse";
                }
                if (message.subscribe != null && $Object.hasOwnProperty.call(message, "subscribe")) {
                    object.subscribe = $root.kapita.v1.Subscribe.toObject(message.subscribe, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "subscribe";
                }
                if (message.unsubscribe != null && $Object.hasOwnProperty.call(message, "unsubscribe")) {
                    object.unsubscribe = $root.kapita.v1.Unsubscribe.toObject(message.unsubscribe, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "unsubscribe";
                }
                if (message.subscribeResponse != null && $Object.hasOwnProperty.call(message, "subscribeResponse")) {
                    object.subscribeResponse = $root.kapita.v1.SubscribeResponse.toObject(message.subscribeResponse, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "subscribeResponse";
                }
                if (message.ping != null && $Object.hasOwnProperty.call(message, "ping")) {
                    object.ping = $root.kapita.v1.Ping.toObject(message.ping, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "ping";
                }
                if (message.pong != null && $Object.hasOwnProperty.call(message, "pong")) {
                    object.pong = $root.kapita.v1.Pong.toObject(message.pong, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "pong";
                }
                if (message.cancelResponse != null && $Object.hasOwnProperty.call(message, "cancelResponse")) {
                    object.cancelResponse = $root.kapita.v1.CancelResponse.toObject(message.cancelResponse, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "cancelResponse";
                }
                if (message.massCancelResponse != null && $Object.hasOwnProperty.call(message, "massCancelResponse")) {
                    object.massCancelResponse = $root.kapita.v1.MassCancelResponse.toObject(message.massCancelResponse, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "massCancelResponse";
                }
                if (message.balanceUpdate != null && $Object.hasOwnProperty.call(message, "balanceUpdate")) {
                    object.balanceUpdate = $root.kapita.v1.BalanceUpdate.toObject(message.balanceUpdate, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "balanceUpdate";
                }
                return object;
            };

            Envelope.prototype.toJSON = function() {
                return Envelope.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Envelope;
        })();

        v1.Side = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "SIDE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "SIDE_BUY"] = 1;
            values[valuesById[2] = "SIDE_SELL"] = 2;
            return values;
        })();

        v1.OrderType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "ORDER_TYPE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "ORDER_TYPE_LIMIT"] = 1;
            values[valuesById[2] = "ORDER_TYPE_MARKET"] = 2;
            values[valuesById[3] = "ORDER_TYPE_STOP"] = 3;
            values[valuesById[4] = "ORDER_TYPE_STOP_LIMIT"] = 4;
            return values;
        })();

        v1.TimeInForce = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "TIME_IN_FORCE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "TIME_IN_FORCE_GTC"] = 1;
            values[valuesById[2] = "TIME_IN_FORCE_IOC"] = 2;
            values[valuesById[3] = "TIME_IN_FORCE_FOK"] = 3;
            values[valuesById[4] = "TIME_IN_FORCE_DAY"] = 4;
            return values;
        })();

        v1.SelfTradePrevention = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "SELF_TRADE_PREVENTION_UNSPECIFIED"] = 0;
            values[valuesById[1] = "SELF_TRADE_PREVENTION_NONE"] = 1;
            values[valuesById[2] = "SELF_TRADE_PREVENTION_CANCEL_NEWEST"] = 2;
            values[valuesById[3] = "SELF_TRADE_PREVENTION_CANCEL_OLDEST"] = 3;
            values[valuesById[4] = "SELF_TRADE_PREVENTION_CANCEL_BOTH"] = 4;
            values[valuesById[5] = "SELF_TRADE_PREVENTION_DECREMENT_AND_CANCEL"] = 5;
            return values;
        })();

        v1.OrderStatus = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "ORDER_STATUS_UNSPECIFIED"] = 0;
            values[valuesById[1] = "ORDER_STATUS_NEW"] = 1;
            values[valuesById[2] = "ORDER_STATUS_PARTIALLY_FILLED"] = 2;
            values[valuesById[3] = "ORDER_STATUS_FILLED"] = 3;
            values[valuesById[4] = "ORDER_STATUS_CANCELED"] = 4;
            values[valuesById[5] = "ORDER_STATUS_EXPIRED"] = 5;
            values[valuesById[6] = "ORDER_STATUS_PENDING_TRIGGER"] = 6;
            values[valuesById[7] = "ORDER_STATUS_REJECTED"] = 7;
            return values;
        })();

        v1.Liquidity = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "LIQUIDITY_UNSPECIFIED"] = 0;
            values[valuesById[1] = "LIQUIDITY_MAKER"] = 1;
            values[valuesById[2] = "LIQUIDITY_TAKER"] = 2;
            return values;
        })();

        v1.ExecType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "EXEC_TYPE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "EXEC_TYPE_NEW"] = 1;
            values[valuesById[2] = "EXEC_TYPE_TRADE"] = 2;
            values[valuesById[3] = "EXEC_TYPE_CANCELED"] = 3;
            values[valuesById[4] = "EXEC_TYPE_EXPIRED"] = 4;
            values[valuesById[5] = "EXEC_TYPE_REJECTED"] = 5;
            values[valuesById[6] = "EXEC_TYPE_AMENDED"] = 6;
            values[valuesById[7] = "EXEC_TYPE_TRIGGERED"] = 7;
            values[valuesById[8] = "EXEC_TYPE_RESTATED"] = 8;
            return values;
        })();

        v1.Channel = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "CHANNEL_UNSPECIFIED"] = 0;
            values[valuesById[1] = "CHANNEL_L1"] = 1;
            values[valuesById[2] = "CHANNEL_L2"] = 2;
            values[valuesById[3] = "CHANNEL_L3"] = 3;
            values[valuesById[4] = "CHANNEL_TRADES"] = 4;
            values[valuesById[5] = "CHANNEL_CANDLES"] = 5;
            values[valuesById[6] = "CHANNEL_ORDERS"] = 6;
            values[valuesById[7] = "CHANNEL_FILLS"] = 7;
            values[valuesById[8] = "CHANNEL_BALANCES"] = 8;
            return values;
        })();

        v1.CandleInterval = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "CANDLE_INTERVAL_UNSPECIFIED"] = 0;
            values[valuesById[1] = "CANDLE_INTERVAL_1M"] = 1;
            values[valuesById[2] = "CANDLE_INTERVAL_5M"] = 2;
            values[valuesById[3] = "CANDLE_INTERVAL_15M"] = 3;
            values[valuesById[4] = "CANDLE_INTERVAL_1H"] = 4;
            values[valuesById[5] = "CANDLE_INTERVAL_4H"] = 5;
            values[valuesById[6] = "CANDLE_INTERVAL_1D"] = 6;
            return values;
        })();

        v1.AuthRequest = (function() {

            const AuthRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            AuthRequest.prototype.token = "";

            AuthRequest.create = function(properties) {
                return new AuthRequest(properties);
            };

            AuthRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.token != null && $Object.hasOwnProperty.call(message, "token") && message.token !== "")
                    writer.uint32(10).string(message.token);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            AuthRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.AuthRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.token = value;
                            else
                                delete message.token;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            AuthRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.AuthRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.AuthRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.AuthRequest();
                if (object.token != null)
                    if (typeof object.token !== "string" || object.token.length)
                        message.token = $String(object.token);
                return message;
            };

            AuthRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.token = "";
                if (message.token != null && $Object.hasOwnProperty.call(message, "token"))
                    object.token = message.token;
                return object;
            };

            AuthRequest.prototype.toJSON = function() {
                return AuthRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AuthRequest;
        })();

        v1.AuthResponse = (function() {

            const AuthResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            AuthResponse.prototype.accountId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            AuthResponse.prototype.expiresAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            AuthResponse.create = function(properties) {
                return new AuthResponse(properties);
            };

            AuthResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.accountId != null && $Object.hasOwnProperty.call(message, "accountId") && (typeof message.accountId === "object" ? message.accountId.low || message.accountId.high : message.accountId !== 0))
                    writer.uint32(8).uint64(message.accountId);
                if (message.expiresAtMs != null && $Object.hasOwnProperty.call(message, "expiresAtMs") && (typeof message.expiresAtMs === "object" ? message.expiresAtMs.low || message.expiresAtMs.high : message.expiresAtMs !== 0))
                    writer.uint32(16).int64(message.expiresAtMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            AuthResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.AuthResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.accountId = value;
                            else
                                delete message.accountId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.expiresAtMs = value;
                            else
                                delete message.expiresAtMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            AuthResponse.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.AuthResponse)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.AuthResponse: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.AuthResponse();
                if (object.accountId != null)
                    if (typeof object.accountId === "object" ? object.accountId.low || object.accountId.high : $Number(object.accountId) !== 0)
                        if ($util.Long)
                            message.accountId = $util.Long.fromValue(object.accountId, true);
                        else if (typeof object.accountId === "string")
                            message.accountId = $parseInt(object.accountId, 10);
                        else if (typeof object.accountId === "number")
                            message.accountId = object.accountId;
                        else if (typeof object.accountId === "object")
                            message.accountId = new $util.LongBits(object.accountId.low >>> 0, object.accountId.high >>> 0).toNumber(true);
                if (object.expiresAtMs != null)
                    if (typeof object.expiresAtMs === "object" ? object.expiresAtMs.low || object.expiresAtMs.high : $Number(object.expiresAtMs) !== 0)
                        if ($util.Long)
                            message.expiresAtMs = $util.Long.fromValue(object.expiresAtMs, false);
                        else if (typeof object.expiresAtMs === "string")
                            message.expiresAtMs = $parseInt(object.expiresAtMs, 10);
                        else if (typeof object.expiresAtMs === "number")
                            message.expiresAtMs = object.expiresAtMs;
                        else if (typeof object.expiresAtMs === "object")
                            message.expiresAtMs = new $util.LongBits(object.expiresAtMs.low >>> 0, object.expiresAtMs.high >>> 0).toNumber();
                return message;
            };

            AuthResponse.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.accountId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.accountId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.expiresAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.expiresAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.accountId != null && $Object.hasOwnProperty.call(message, "accountId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.accountId = typeof message.accountId === "number" ? $BigInt(message.accountId) : $util.Long.fromBits(message.accountId.low >>> 0, message.accountId.high >>> 0, true).toBigInt();
                    else if (typeof message.accountId === "number")
                        object.accountId = options.longs === $String ? $String(message.accountId) : message.accountId;
                    else
                        object.accountId = options.longs === $String ? $util.Long.prototype.toString.call(message.accountId) : options.longs === $Number ? new $util.LongBits(message.accountId.low >>> 0, message.accountId.high >>> 0).toNumber(true) : message.accountId;
                if (message.expiresAtMs != null && $Object.hasOwnProperty.call(message, "expiresAtMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.expiresAtMs = typeof message.expiresAtMs === "number" ? $BigInt(message.expiresAtMs) : $util.Long.fromBits(message.expiresAtMs.low >>> 0, message.expiresAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.expiresAtMs === "number")
                        object.expiresAtMs = options.longs === $String ? $String(message.expiresAtMs) : message.expiresAtMs;
                    else
                        object.expiresAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.expiresAtMs) : options.longs === $Number ? new $util.LongBits(message.expiresAtMs.low >>> 0, message.expiresAtMs.high >>> 0).toNumber() : message.expiresAtMs;
                return object;
            };

            AuthResponse.prototype.toJSON = function() {
                return AuthResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AuthResponse;
        })();

        v1.Ping = (function() {

            const Ping = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Ping.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            Ping.create = function(properties) {
                return new Ping(properties);
            };

            Ping.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && (typeof message.timeMs === "object" ? message.timeMs.low || message.timeMs.high : message.timeMs !== 0))
                    writer.uint32(8).int64(message.timeMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Ping.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.Ping();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Ping.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.Ping)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.Ping: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.Ping();
                if (object.timeMs != null)
                    if (typeof object.timeMs === "object" ? object.timeMs.low || object.timeMs.high : $Number(object.timeMs) !== 0)
                        if ($util.Long)
                            message.timeMs = $util.Long.fromValue(object.timeMs, false);
                        else if (typeof object.timeMs === "string")
                            message.timeMs = $parseInt(object.timeMs, 10);
                        else if (typeof object.timeMs === "number")
                            message.timeMs = object.timeMs;
                        else if (typeof object.timeMs === "object")
                            message.timeMs = new $util.LongBits(object.timeMs.low >>> 0, object.timeMs.high >>> 0).toNumber();
                return message;
            };

            Ping.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.timeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.timeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.timeMs = typeof message.timeMs === "number" ? $BigInt(message.timeMs) : $util.Long.fromBits(message.timeMs.low >>> 0, message.timeMs.high >>> 0, false).toBigInt();
                    else if (typeof message.timeMs === "number")
                        object.timeMs = options.longs === $String ? $String(message.timeMs) : message.timeMs;
                    else
                        object.timeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.timeMs) : options.longs === $Number ? new $util.LongBits(message.timeMs.low >>> 0, message.timeMs.high >>> 0).toNumber() : message.timeMs;
                return object;
            };

            Ping.prototype.toJSON = function() {
                return Ping.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Ping;
        })();

        v1.Pong = (function() {

            const Pong = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Pong.prototype.pingTimeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            Pong.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            Pong.create = function(properties) {
                return new Pong(properties);
            };

            Pong.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.pingTimeMs != null && $Object.hasOwnProperty.call(message, "pingTimeMs") && (typeof message.pingTimeMs === "object" ? message.pingTimeMs.low || message.pingTimeMs.high : message.pingTimeMs !== 0))
                    writer.uint32(8).int64(message.pingTimeMs);
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && (typeof message.timeMs === "object" ? message.timeMs.low || message.timeMs.high : message.timeMs !== 0))
                    writer.uint32(16).int64(message.timeMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Pong.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.Pong();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.pingTimeMs = value;
                            else
                                delete message.pingTimeMs;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Pong.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.Pong)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.Pong: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.Pong();
                if (object.pingTimeMs != null)
                    if (typeof object.pingTimeMs === "object" ? object.pingTimeMs.low || object.pingTimeMs.high : $Number(object.pingTimeMs) !== 0)
                        if ($util.Long)
                            message.pingTimeMs = $util.Long.fromValue(object.pingTimeMs, false);
                        else if (typeof object.pingTimeMs === "string")
                            message.pingTimeMs = $parseInt(object.pingTimeMs, 10);
                        else if (typeof object.pingTimeMs === "number")
                            message.pingTimeMs = object.pingTimeMs;
                        else if (typeof object.pingTimeMs === "object")
                            message.pingTimeMs = new $util.LongBits(object.pingTimeMs.low >>> 0, object.pingTimeMs.high >>> 0).toNumber();
                if (object.timeMs != null)
                    if (typeof object.timeMs === "object" ? object.timeMs.low || object.timeMs.high : $Number(object.timeMs) !== 0)
                        if ($util.Long)
                            message.timeMs = $util.Long.fromValue(object.timeMs, false);
                        else if (typeof object.timeMs === "string")
                            message.timeMs = $parseInt(object.timeMs, 10);
                        else if (typeof object.timeMs === "number")
                            message.timeMs = object.timeMs;
                        else if (typeof object.timeMs === "object")
                            message.timeMs = new $util.LongBits(object.timeMs.low >>> 0, object.timeMs.high >>> 0).toNumber();
                return message;
            };

            Pong.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.pingTimeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.pingTimeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.timeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.timeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.pingTimeMs != null && $Object.hasOwnProperty.call(message, "pingTimeMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.pingTimeMs = typeof message.pingTimeMs === "number" ? $BigInt(message.pingTimeMs) : $util.Long.fromBits(message.pingTimeMs.low >>> 0, message.pingTimeMs.high >>> 0, false).toBigInt();
                    else if (typeof message.pingTimeMs === "number")
                        object.pingTimeMs = options.longs === $String ? $String(message.pingTimeMs) : message.pingTimeMs;
                    else
                        object.pingTimeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.pingTimeMs) : options.longs === $Number ? new $util.LongBits(message.pingTimeMs.low >>> 0, message.pingTimeMs.high >>> 0).toNumber() : message.pingTimeMs;
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.timeMs = typeof message.timeMs === "number" ? $BigInt(message.timeMs) : $util.Long.fromBits(message.timeMs.low >>> 0, message.timeMs.high >>> 0, false).toBigInt();
                    else if (typeof message.timeMs === "number")
                        object.timeMs = options.longs === $String ? $String(message.timeMs) : message.timeMs;
                    else
                        object.timeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.timeMs) : options.longs === $Number ? new $util.LongBits(message.timeMs.low >>> 0, message.timeMs.high >>> 0).toNumber() : message.timeMs;
                return object;
            };

            Pong.prototype.toJSON = function() {
                return Pong.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Pong;
        })();

        v1.Heartbeat = (function() {

            const Heartbeat = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Heartbeat.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            Heartbeat.create = function(properties) {
                return new Heartbeat(properties);
            };

            Heartbeat.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && (typeof message.timeMs === "object" ? message.timeMs.low || message.timeMs.high : message.timeMs !== 0))
                    writer.uint32(8).int64(message.timeMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Heartbeat.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.Heartbeat();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Heartbeat.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.Heartbeat)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.Heartbeat: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.Heartbeat();
                if (object.timeMs != null)
                    if (typeof object.timeMs === "object" ? object.timeMs.low || object.timeMs.high : $Number(object.timeMs) !== 0)
                        if ($util.Long)
                            message.timeMs = $util.Long.fromValue(object.timeMs, false);
                        else if (typeof object.timeMs === "string")
                            message.timeMs = $parseInt(object.timeMs, 10);
                        else if (typeof object.timeMs === "number")
                            message.timeMs = object.timeMs;
                        else if (typeof object.timeMs === "object")
                            message.timeMs = new $util.LongBits(object.timeMs.low >>> 0, object.timeMs.high >>> 0).toNumber();
                return message;
            };

            Heartbeat.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.timeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.timeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.timeMs = typeof message.timeMs === "number" ? $BigInt(message.timeMs) : $util.Long.fromBits(message.timeMs.low >>> 0, message.timeMs.high >>> 0, false).toBigInt();
                    else if (typeof message.timeMs === "number")
                        object.timeMs = options.longs === $String ? $String(message.timeMs) : message.timeMs;
                    else
                        object.timeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.timeMs) : options.longs === $Number ? new $util.LongBits(message.timeMs.low >>> 0, message.timeMs.high >>> 0).toNumber() : message.timeMs;
                return object;
            };

            Heartbeat.prototype.toJSON = function() {
                return Heartbeat.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Heartbeat;
        })();

        v1.Error = (function() {

            const Error = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Error.prototype.code = 0;
            Error.prototype.name = "";
            Error.prototype.message = "";

            Error.create = function(properties) {
                return new Error(properties);
            };

            Error.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== 0)
                    writer.uint32(8).int32(message.code);
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(18).string(message.name);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(26).string(message.message);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Error.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.Error();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Error.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.Error)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.Error: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.Error();
                if (object.code != null)
                    if ($Number(object.code) !== 0)
                        message.code = object.code | 0;
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.message != null)
                    if (typeof object.message !== "string" || object.message.length)
                        message.message = $String(object.message);
                return message;
            };

            Error.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.code = 0;
                    object.name = "";
                    object.message = "";
                }
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    object.code = message.code;
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                return object;
            };

            Error.prototype.toJSON = function() {
                return Error.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Error;
        })();

        v1.PlaceOrder = (function() {

            const PlaceOrder = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            PlaceOrder.prototype.symbol = "";
            PlaceOrder.prototype.side = 0;
            PlaceOrder.prototype.type = 0;
            PlaceOrder.prototype.price = "";
            PlaceOrder.prototype.quantity = "";
            PlaceOrder.prototype.timeInForce = 0;
            PlaceOrder.prototype.postOnly = false;
            PlaceOrder.prototype.clientOrderId = "";
            PlaceOrder.prototype.stopPrice = "";
            PlaceOrder.prototype.displayQuantity = "";
            PlaceOrder.prototype.selfTradePrevention = 0;
            PlaceOrder.prototype.maxNotional = "";

            PlaceOrder.create = function(properties) {
                return new PlaceOrder(properties);
            };

            PlaceOrder.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol") && message.symbol !== "")
                    writer.uint32(10).string(message.symbol);
                if (message.side != null && $Object.hasOwnProperty.call(message, "side") && message.side !== 0)
                    writer.uint32(16).int32(message.side);
                if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                    writer.uint32(24).int32(message.type);
                if (message.price != null && $Object.hasOwnProperty.call(message, "price") && message.price !== "")
                    writer.uint32(34).string(message.price);
                if (message.quantity != null && $Object.hasOwnProperty.call(message, "quantity") && message.quantity !== "")
                    writer.uint32(42).string(message.quantity);
                if (message.timeInForce != null && $Object.hasOwnProperty.call(message, "timeInForce") && message.timeInForce !== 0)
                    writer.uint32(48).int32(message.timeInForce);
                if (message.postOnly != null && $Object.hasOwnProperty.call(message, "postOnly") && message.postOnly !== false)
                    writer.uint32(56).bool(message.postOnly);
                if (message.clientOrderId != null && $Object.hasOwnProperty.call(message, "clientOrderId") && message.clientOrderId !== "")
                    writer.uint32(66).string(message.clientOrderId);
                if (message.stopPrice != null && $Object.hasOwnProperty.call(message, "stopPrice") && message.stopPrice !== "")
                    writer.uint32(74).string(message.stopPrice);
                if (message.displayQuantity != null && $Object.hasOwnProperty.call(message, "displayQuantity") && message.displayQuantity !== "")
                    writer.uint32(82).string(message.displayQuantity);
                if (message.selfTradePrevention != null && $Object.hasOwnProperty.call(message, "selfTradePrevention") && message.selfTradePrevention !== 0)
                    writer.uint32(88).int32(message.selfTradePrevention);
                if (message.maxNotional != null && $Object.hasOwnProperty.call(message, "maxNotional") && message.maxNotional !== "")
                    writer.uint32(98).string(message.maxNotional);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            PlaceOrder.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.PlaceOrder();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.symbol = value;
                            else
                                delete message.symbol;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.side = value;
                            else
                                delete message.side;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.type = value;
                            else
                                delete message.type;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.price = value;
                            else
                                delete message.price;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.quantity = value;
                            else
                                delete message.quantity;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.timeInForce = value;
                            else
                                delete message.timeInForce;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.postOnly = value;
                            else
                                delete message.postOnly;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.clientOrderId = value;
                            else
                                delete message.clientOrderId;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.stopPrice = value;
                            else
                                delete message.stopPrice;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.displayQuantity = value;
                            else
                                delete message.displayQuantity;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.selfTradePrevention = value;
                            else
                                delete message.selfTradePrevention;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.maxNotional = value;
                            else
                                delete message.maxNotional;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            PlaceOrder.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.PlaceOrder)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.PlaceOrder: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.PlaceOrder();
                if (object.symbol != null)
                    if (typeof object.symbol !== "string" || object.symbol.length)
                        message.symbol = $String(object.symbol);
                if (object.side !== 0 && (typeof object.side !== "string" || $root.kapita.v1.Side[object.side] !== 0))
                    switch (object.side) {
                    case "SIDE_UNSPECIFIED":
                    case 0:
                        message.side = 0;
                        break;
                    case "SIDE_BUY":
                    case 1:
                        message.side = 1;
                        break;
                    case "SIDE_SELL":
                    case 2:
                        message.side = 2;
                        break;
                    default:
                        if (typeof object.side === "number" && (object.side | 0) === object.side)
                            message.side = object.side;
                    }
                if (object.type !== 0 && (typeof object.type !== "string" || $root.kapita.v1.OrderType[object.type] !== 0))
                    switch (object.type) {
                    case "ORDER_TYPE_UNSPECIFIED":
                    case 0:
                        message.type = 0;
                        break;
                    case "ORDER_TYPE_LIMIT":
                    case 1:
                        message.type = 1;
                        break;
                    case "ORDER_TYPE_MARKET":
                    case 2:
                        message.type = 2;
                        break;
                    case "ORDER_TYPE_STOP":
                    case 3:
                        message.type = 3;
                        break;
                    case "ORDER_TYPE_STOP_LIMIT":
                    case 4:
                        message.type = 4;
                        break;
                    default:
                        if (typeof object.type === "number" && (object.type | 0) === object.type)
                            message.type = object.type;
                    }
                if (object.price != null)
                    if (typeof object.price !== "string" || object.price.length)
                        message.price = $String(object.price);
                if (object.quantity != null)
                    if (typeof object.quantity !== "string" || object.quantity.length)
                        message.quantity = $String(object.quantity);
                if (object.timeInForce !== 0 && (typeof object.timeInForce !== "string" || $root.kapita.v1.TimeInForce[object.timeInForce] !== 0))
                    switch (object.timeInForce) {
                    case "TIME_IN_FORCE_UNSPECIFIED":
                    case 0:
                        message.timeInForce = 0;
                        break;
                    case "TIME_IN_FORCE_GTC":
                    case 1:
                        message.timeInForce = 1;
                        break;
                    case "TIME_IN_FORCE_IOC":
                    case 2:
                        message.timeInForce = 2;
                        break;
                    case "TIME_IN_FORCE_FOK":
                    case 3:
                        message.timeInForce = 3;
                        break;
                    case "TIME_IN_FORCE_DAY":
                    case 4:
                        message.timeInForce = 4;
                        break;
                    default:
                        if (typeof object.timeInForce === "number" && (object.timeInForce | 0) === object.timeInForce)
                            message.timeInForce = object.timeInForce;
                    }
                if (object.postOnly != null)
                    if (object.postOnly)
                        message.postOnly = $Boolean(object.postOnly);
                if (object.clientOrderId != null)
                    if (typeof object.clientOrderId !== "string" || object.clientOrderId.length)
                        message.clientOrderId = $String(object.clientOrderId);
                if (object.stopPrice != null)
                    if (typeof object.stopPrice !== "string" || object.stopPrice.length)
                        message.stopPrice = $String(object.stopPrice);
                if (object.displayQuantity != null)
                    if (typeof object.displayQuantity !== "string" || object.displayQuantity.length)
                        message.displayQuantity = $String(object.displayQuantity);
                if (object.selfTradePrevention !== 0 && (typeof object.selfTradePrevention !== "string" || $root.kapita.v1.SelfTradePrevention[object.selfTradePrevention] !== 0))
                    switch (object.selfTradePrevention) {
                    case "SELF_TRADE_PREVENTION_UNSPECIFIED":
                    case 0:
                        message.selfTradePrevention = 0;
                        break;
                    case "SELF_TRADE_PREVENTION_NONE":
                    case 1:
                        message.selfTradePrevention = 1;
                        break;
                    case "SELF_TRADE_PREVENTION_CANCEL_NEWEST":
                    case 2:
                        message.selfTradePrevention = 2;
                        break;
                    case "SELF_TRADE_PREVENTION_CANCEL_OLDEST":
                    case 3:
                        message.selfTradePrevention = 3;
                        break;
                    case "SELF_TRADE_PREVENTION_CANCEL_BOTH":
                    case 4:
                        message.selfTradePrevention = 4;
                        break;
                    case "SELF_TRADE_PREVENTION_DECREMENT_AND_CANCEL":
                    case 5:
                        message.selfTradePrevention = 5;
                        break;
                    default:
                        if (typeof object.selfTradePrevention === "number" && (object.selfTradePrevention | 0) === object.selfTradePrevention)
                            message.selfTradePrevention = object.selfTradePrevention;
                    }
                if (object.maxNotional != null)
                    if (typeof object.maxNotional !== "string" || object.maxNotional.length)
                        message.maxNotional = $String(object.maxNotional);
                return message;
            };

            PlaceOrder.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.symbol = "";
                    object.side = options.enums === $String ? "SIDE_UNSPECIFIED" : 0;
                    object.type = options.enums === $String ? "ORDER_TYPE_UNSPECIFIED" : 0;
                    object.price = "";
                    object.quantity = "";
                    object.timeInForce = options.enums === $String ? "TIME_IN_FORCE_UNSPECIFIED" : 0;
                    object.postOnly = false;
                    object.clientOrderId = "";
                    object.stopPrice = "";
                    object.displayQuantity = "";
                    object.selfTradePrevention = options.enums === $String ? "SELF_TRADE_PREVENTION_UNSPECIFIED" : 0;
                    object.maxNotional = "";
                }
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol"))
                    object.symbol = message.symbol;
                if (message.side != null && $Object.hasOwnProperty.call(message, "side"))
                    object.side = options.enums === $String ? $root.kapita.v1.Side[message.side] === $undefined ? message.side : $root.kapita.v1.Side[message.side] : message.side;
                if (message.type != null && $Object.hasOwnProperty.call(message, "type"))
                    object.type = options.enums === $String ? $root.kapita.v1.OrderType[message.type] === $undefined ? message.type : $root.kapita.v1.OrderType[message.type] : message.type;
                if (message.price != null && $Object.hasOwnProperty.call(message, "price"))
                    object.price = message.price;
                if (message.quantity != null && $Object.hasOwnProperty.call(message, "quantity"))
                    object.quantity = message.quantity;
                if (message.timeInForce != null && $Object.hasOwnProperty.call(message, "timeInForce"))
                    object.timeInForce = options.enums === $String ? $root.kapita.v1.TimeInForce[message.timeInForce] === $undefined ? message.timeInForce : $root.kapita.v1.TimeInForce[message.timeInForce] : message.timeInForce;
                if (message.postOnly != null && $Object.hasOwnProperty.call(message, "postOnly"))
                    object.postOnly = message.postOnly;
                if (message.clientOrderId != null && $Object.hasOwnProperty.call(message, "clientOrderId"))
                    object.clientOrderId = message.clientOrderId;
                if (message.stopPrice != null && $Object.hasOwnProperty.call(message, "stopPrice"))
                    object.stopPrice = message.stopPrice;
                if (message.displayQuantity != null && $Object.hasOwnProperty.call(message, "displayQuantity"))
                    object.displayQuantity = message.displayQuantity;
                if (message.selfTradePrevention != null && $Object.hasOwnProperty.call(message, "selfTradePrevention"))
                    object.selfTradePrevention = options.enums === $String ? $root.kapita.v1.SelfTradePrevention[message.selfTradePrevention] === $undefined ? message.selfTradePrevention : $root.kapita.v1.SelfTradePrevention[message.selfTradePrevention] : message.selfTradePrevention;
                if (message.maxNotional != null && $Object.hasOwnProperty.call(message, "maxNotional"))
                    object.maxNotional = message.maxNotional;
                return object;
            };

            PlaceOrder.prototype.toJSON = function() {
                return PlaceOrder.toObject(this, $protobuf.util.toJSONOptions);
            };

            return PlaceOrder;
        })();

        v1.CancelOrder = (function() {

            const CancelOrder = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            CancelOrder.prototype.orderId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            CancelOrder.create = function(properties) {
                return new CancelOrder(properties);
            };

            CancelOrder.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId") && (typeof message.orderId === "object" ? message.orderId.low || message.orderId.high : message.orderId !== 0))
                    writer.uint32(8).uint64(message.orderId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            CancelOrder.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.CancelOrder();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.orderId = value;
                            else
                                delete message.orderId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            CancelOrder.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.CancelOrder)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.CancelOrder: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.CancelOrder();
                if (object.orderId != null)
                    if (typeof object.orderId === "object" ? object.orderId.low || object.orderId.high : $Number(object.orderId) !== 0)
                        if ($util.Long)
                            message.orderId = $util.Long.fromValue(object.orderId, true);
                        else if (typeof object.orderId === "string")
                            message.orderId = $parseInt(object.orderId, 10);
                        else if (typeof object.orderId === "number")
                            message.orderId = object.orderId;
                        else if (typeof object.orderId === "object")
                            message.orderId = new $util.LongBits(object.orderId.low >>> 0, object.orderId.high >>> 0).toNumber(true);
                return message;
            };

            CancelOrder.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.orderId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.orderId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.orderId = typeof message.orderId === "number" ? $BigInt(message.orderId) : $util.Long.fromBits(message.orderId.low >>> 0, message.orderId.high >>> 0, true).toBigInt();
                    else if (typeof message.orderId === "number")
                        object.orderId = options.longs === $String ? $String(message.orderId) : message.orderId;
                    else
                        object.orderId = options.longs === $String ? $util.Long.prototype.toString.call(message.orderId) : options.longs === $Number ? new $util.LongBits(message.orderId.low >>> 0, message.orderId.high >>> 0).toNumber(true) : message.orderId;
                return object;
            };

            CancelOrder.prototype.toJSON = function() {
                return CancelOrder.toObject(this, $protobuf.util.toJSONOptions);
            };

            return CancelOrder;
        })();

        v1.AmendOrder = (function() {

            const AmendOrder = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            AmendOrder.prototype.orderId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            AmendOrder.prototype.price = "";
            AmendOrder.prototype.quantity = "";

            AmendOrder.create = function(properties) {
                return new AmendOrder(properties);
            };

            AmendOrder.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId") && (typeof message.orderId === "object" ? message.orderId.low || message.orderId.high : message.orderId !== 0))
                    writer.uint32(8).uint64(message.orderId);
                if (message.price != null && $Object.hasOwnProperty.call(message, "price") && message.price !== "")
                    writer.uint32(18).string(message.price);
                if (message.quantity != null && $Object.hasOwnProperty.call(message, "quantity") && message.quantity !== "")
                    writer.uint32(26).string(message.quantity);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            AmendOrder.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.AmendOrder();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.orderId = value;
                            else
                                delete message.orderId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.price = value;
                            else
                                delete message.price;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.quantity = value;
                            else
                                delete message.quantity;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            AmendOrder.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.AmendOrder)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.AmendOrder: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.AmendOrder();
                if (object.orderId != null)
                    if (typeof object.orderId === "object" ? object.orderId.low || object.orderId.high : $Number(object.orderId) !== 0)
                        if ($util.Long)
                            message.orderId = $util.Long.fromValue(object.orderId, true);
                        else if (typeof object.orderId === "string")
                            message.orderId = $parseInt(object.orderId, 10);
                        else if (typeof object.orderId === "number")
                            message.orderId = object.orderId;
                        else if (typeof object.orderId === "object")
                            message.orderId = new $util.LongBits(object.orderId.low >>> 0, object.orderId.high >>> 0).toNumber(true);
                if (object.price != null)
                    if (typeof object.price !== "string" || object.price.length)
                        message.price = $String(object.price);
                if (object.quantity != null)
                    if (typeof object.quantity !== "string" || object.quantity.length)
                        message.quantity = $String(object.quantity);
                return message;
            };

            AmendOrder.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.orderId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.orderId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.price = "";
                    object.quantity = "";
                }
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.orderId = typeof message.orderId === "number" ? $BigInt(message.orderId) : $util.Long.fromBits(message.orderId.low >>> 0, message.orderId.high >>> 0, true).toBigInt();
                    else if (typeof message.orderId === "number")
                        object.orderId = options.longs === $String ? $String(message.orderId) : message.orderId;
                    else
                        object.orderId = options.longs === $String ? $util.Long.prototype.toString.call(message.orderId) : options.longs === $Number ? new $util.LongBits(message.orderId.low >>> 0, message.orderId.high >>> 0).toNumber(true) : message.orderId;
                if (message.price != null && $Object.hasOwnProperty.call(message, "price"))
                    object.price = message.price;
                if (message.quantity != null && $Object.hasOwnProperty.call(message, "quantity"))
                    object.quantity = message.quantity;
                return object;
            };

            AmendOrder.prototype.toJSON = function() {
                return AmendOrder.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AmendOrder;
        })();

        v1.MassCancel = (function() {

            const MassCancel = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            MassCancel.prototype.symbol = "";

            MassCancel.create = function(properties) {
                return new MassCancel(properties);
            };

            MassCancel.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol") && message.symbol !== "")
                    writer.uint32(10).string(message.symbol);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            MassCancel.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.MassCancel();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.symbol = value;
                            else
                                delete message.symbol;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            MassCancel.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.MassCancel)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.MassCancel: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.MassCancel();
                if (object.symbol != null)
                    if (typeof object.symbol !== "string" || object.symbol.length)
                        message.symbol = $String(object.symbol);
                return message;
            };

            MassCancel.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.symbol = "";
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol"))
                    object.symbol = message.symbol;
                return object;
            };

            MassCancel.prototype.toJSON = function() {
                return MassCancel.toObject(this, $protobuf.util.toJSONOptions);
            };

            return MassCancel;
        })();

        v1.Fill = (function() {

            const Fill = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Fill.prototype.tradeId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Fill.prototype.price = "";
            Fill.prototype.quantity = "";
            Fill.prototype.liquidity = 0;
            Fill.prototype.fee = "";
            Fill.prototype.feeAsset = "";

            Fill.create = function(properties) {
                return new Fill(properties);
            };

            Fill.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.tradeId != null && $Object.hasOwnProperty.call(message, "tradeId") && (typeof message.tradeId === "object" ? message.tradeId.low || message.tradeId.high : message.tradeId !== 0))
                    writer.uint32(8).uint64(message.tradeId);
                if (message.price != null && $Object.hasOwnProperty.call(message, "price") && message.price !== "")
                    writer.uint32(18).string(message.price);
                if (message.quantity != null && $Object.hasOwnProperty.call(message, "quantity") && message.quantity !== "")
                    writer.uint32(26).string(message.quantity);
                if (message.liquidity != null && $Object.hasOwnProperty.call(message, "liquidity") && message.liquidity !== 0)
                    writer.uint32(32).int32(message.liquidity);
                if (message.fee != null && $Object.hasOwnProperty.call(message, "fee") && message.fee !== "")
                    writer.uint32(42).string(message.fee);
                if (message.feeAsset != null && $Object.hasOwnProperty.call(message, "feeAsset") && message.feeAsset !== "")
                    writer.uint32(50).string(message.feeAsset);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Fill.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.Fill();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.tradeId = value;
                            else
                                delete message.tradeId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.price = value;
                            else
                                delete message.price;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.quantity = value;
                            else
                                delete message.quantity;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.liquidity = value;
                            else
                                delete message.liquidity;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.fee = value;
                            else
                                delete message.fee;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.feeAsset = value;
                            else
                                delete message.feeAsset;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Fill.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.Fill)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.Fill: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.Fill();
                if (object.tradeId != null)
                    if (typeof object.tradeId === "object" ? object.tradeId.low || object.tradeId.high : $Number(object.tradeId) !== 0)
                        if ($util.Long)
                            message.tradeId = $util.Long.fromValue(object.tradeId, true);
                        else if (typeof object.tradeId === "string")
                            message.tradeId = $parseInt(object.tradeId, 10);
                        else if (typeof object.tradeId === "number")
                            message.tradeId = object.tradeId;
                        else if (typeof object.tradeId === "object")
                            message.tradeId = new $util.LongBits(object.tradeId.low >>> 0, object.tradeId.high >>> 0).toNumber(true);
                if (object.price != null)
                    if (typeof object.price !== "string" || object.price.length)
                        message.price = $String(object.price);
                if (object.quantity != null)
                    if (typeof object.quantity !== "string" || object.quantity.length)
                        message.quantity = $String(object.quantity);
                if (object.liquidity !== 0 && (typeof object.liquidity !== "string" || $root.kapita.v1.Liquidity[object.liquidity] !== 0))
                    switch (object.liquidity) {
                    case "LIQUIDITY_UNSPECIFIED":
                    case 0:
                        message.liquidity = 0;
                        break;
                    case "LIQUIDITY_MAKER":
                    case 1:
                        message.liquidity = 1;
                        break;
                    case "LIQUIDITY_TAKER":
                    case 2:
                        message.liquidity = 2;
                        break;
                    default:
                        if (typeof object.liquidity === "number" && (object.liquidity | 0) === object.liquidity)
                            message.liquidity = object.liquidity;
                    }
                if (object.fee != null)
                    if (typeof object.fee !== "string" || object.fee.length)
                        message.fee = $String(object.fee);
                if (object.feeAsset != null)
                    if (typeof object.feeAsset !== "string" || object.feeAsset.length)
                        message.feeAsset = $String(object.feeAsset);
                return message;
            };

            Fill.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.tradeId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.tradeId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.price = "";
                    object.quantity = "";
                    object.liquidity = options.enums === $String ? "LIQUIDITY_UNSPECIFIED" : 0;
                    object.fee = "";
                    object.feeAsset = "";
                }
                if (message.tradeId != null && $Object.hasOwnProperty.call(message, "tradeId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.tradeId = typeof message.tradeId === "number" ? $BigInt(message.tradeId) : $util.Long.fromBits(message.tradeId.low >>> 0, message.tradeId.high >>> 0, true).toBigInt();
                    else if (typeof message.tradeId === "number")
                        object.tradeId = options.longs === $String ? $String(message.tradeId) : message.tradeId;
                    else
                        object.tradeId = options.longs === $String ? $util.Long.prototype.toString.call(message.tradeId) : options.longs === $Number ? new $util.LongBits(message.tradeId.low >>> 0, message.tradeId.high >>> 0).toNumber(true) : message.tradeId;
                if (message.price != null && $Object.hasOwnProperty.call(message, "price"))
                    object.price = message.price;
                if (message.quantity != null && $Object.hasOwnProperty.call(message, "quantity"))
                    object.quantity = message.quantity;
                if (message.liquidity != null && $Object.hasOwnProperty.call(message, "liquidity"))
                    object.liquidity = options.enums === $String ? $root.kapita.v1.Liquidity[message.liquidity] === $undefined ? message.liquidity : $root.kapita.v1.Liquidity[message.liquidity] : message.liquidity;
                if (message.fee != null && $Object.hasOwnProperty.call(message, "fee"))
                    object.fee = message.fee;
                if (message.feeAsset != null && $Object.hasOwnProperty.call(message, "feeAsset"))
                    object.feeAsset = message.feeAsset;
                return object;
            };

            Fill.prototype.toJSON = function() {
                return Fill.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Fill;
        })();

        v1.OrderResponse = (function() {

            const OrderResponse = function (properties) {
                this.fills = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            OrderResponse.prototype.orderId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            OrderResponse.prototype.clientOrderId = "";
            OrderResponse.prototype.symbol = "";
            OrderResponse.prototype.side = 0;
            OrderResponse.prototype.type = 0;
            OrderResponse.prototype.timeInForce = 0;
            OrderResponse.prototype.price = "";
            OrderResponse.prototype.stopPrice = "";
            OrderResponse.prototype.quantity = "";
            OrderResponse.prototype.filledQuantity = "";
            OrderResponse.prototype.status = 0;
            OrderResponse.prototype.fills = $util.emptyArray;

            OrderResponse.create = function(properties) {
                return new OrderResponse(properties);
            };

            OrderResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId") && (typeof message.orderId === "object" ? message.orderId.low || message.orderId.high : message.orderId !== 0))
                    writer.uint32(8).uint64(message.orderId);
                if (message.clientOrderId != null && $Object.hasOwnProperty.call(message, "clientOrderId") && message.clientOrderId !== "")
                    writer.uint32(18).string(message.clientOrderId);
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol") && message.symbol !== "")
                    writer.uint32(26).string(message.symbol);
                if (message.side != null && $Object.hasOwnProperty.call(message, "side") && message.side !== 0)
                    writer.uint32(32).int32(message.side);
                if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                    writer.uint32(40).int32(message.type);
                if (message.timeInForce != null && $Object.hasOwnProperty.call(message, "timeInForce") && message.timeInForce !== 0)
                    writer.uint32(48).int32(message.timeInForce);
                if (message.price != null && $Object.hasOwnProperty.call(message, "price") && message.price !== "")
                    writer.uint32(58).string(message.price);
                if (message.stopPrice != null && $Object.hasOwnProperty.call(message, "stopPrice") && message.stopPrice !== "")
                    writer.uint32(66).string(message.stopPrice);
                if (message.quantity != null && $Object.hasOwnProperty.call(message, "quantity") && message.quantity !== "")
                    writer.uint32(74).string(message.quantity);
                if (message.filledQuantity != null && $Object.hasOwnProperty.call(message, "filledQuantity") && message.filledQuantity !== "")
                    writer.uint32(82).string(message.filledQuantity);
                if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                    writer.uint32(88).int32(message.status);
                if (message.fills != null && message.fills.length)
                    for (let i = 0; i < message.fills.length; ++i)
                        $root.kapita.v1.Fill.encode(message.fills[i], writer.uint32(98).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            OrderResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.OrderResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.orderId = value;
                            else
                                delete message.orderId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.clientOrderId = value;
                            else
                                delete message.clientOrderId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.symbol = value;
                            else
                                delete message.symbol;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.side = value;
                            else
                                delete message.side;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.type = value;
                            else
                                delete message.type;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.timeInForce = value;
                            else
                                delete message.timeInForce;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.price = value;
                            else
                                delete message.price;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.stopPrice = value;
                            else
                                delete message.stopPrice;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.quantity = value;
                            else
                                delete message.quantity;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.filledQuantity = value;
                            else
                                delete message.filledQuantity;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.status = value;
                            else
                                delete message.status;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            if (!(message.fills && message.fills.length))
                                message.fills = [];
                            message.fills.push($root.kapita.v1.Fill.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            OrderResponse.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.OrderResponse)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.OrderResponse: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.OrderResponse();
                if (object.orderId != null)
                    if (typeof object.orderId === "object" ? object.orderId.low || object.orderId.high : $Number(object.orderId) !== 0)
                        if ($util.Long)
                            message.orderId = $util.Long.fromValue(object.orderId, true);
                        else if (typeof object.orderId === "string")
                            message.orderId = $parseInt(object.orderId, 10);
                        else if (typeof object.orderId === "number")
                            message.orderId = object.orderId;
                        else if (typeof object.orderId === "object")
                            message.orderId = new $util.LongBits(object.orderId.low >>> 0, object.orderId.high >>> 0).toNumber(true);
                if (object.clientOrderId != null)
                    if (typeof object.clientOrderId !== "string" || object.clientOrderId.length)
                        message.clientOrderId = $String(object.clientOrderId);
                if (object.symbol != null)
                    if (typeof object.symbol !== "string" || object.symbol.length)
                        message.symbol = $String(object.symbol);
                if (object.side !== 0 && (typeof object.side !== "string" || $root.kapita.v1.Side[object.side] !== 0))
                    switch (object.side) {
                    case "SIDE_UNSPECIFIED":
                    case 0:
                        message.side = 0;
                        break;
                    case "SIDE_BUY":
                    case 1:
                        message.side = 1;
                        break;
                    case "SIDE_SELL":
                    case 2:
                        message.side = 2;
                        break;
                    default:
                        if (typeof object.side === "number" && (object.side | 0) === object.side)
                            message.side = object.side;
                    }
                if (object.type !== 0 && (typeof object.type !== "string" || $root.kapita.v1.OrderType[object.type] !== 0))
                    switch (object.type) {
                    case "ORDER_TYPE_UNSPECIFIED":
                    case 0:
                        message.type = 0;
                        break;
                    case "ORDER_TYPE_LIMIT":
                    case 1:
                        message.type = 1;
                        break;
                    case "ORDER_TYPE_MARKET":
                    case 2:
                        message.type = 2;
                        break;
                    case "ORDER_TYPE_STOP":
                    case 3:
                        message.type = 3;
                        break;
                    case "ORDER_TYPE_STOP_LIMIT":
                    case 4:
                        message.type = 4;
                        break;
                    default:
                        if (typeof object.type === "number" && (object.type | 0) === object.type)
                            message.type = object.type;
                    }
                if (object.timeInForce !== 0 && (typeof object.timeInForce !== "string" || $root.kapita.v1.TimeInForce[object.timeInForce] !== 0))
                    switch (object.timeInForce) {
                    case "TIME_IN_FORCE_UNSPECIFIED":
                    case 0:
                        message.timeInForce = 0;
                        break;
                    case "TIME_IN_FORCE_GTC":
                    case 1:
                        message.timeInForce = 1;
                        break;
                    case "TIME_IN_FORCE_IOC":
                    case 2:
                        message.timeInForce = 2;
                        break;
                    case "TIME_IN_FORCE_FOK":
                    case 3:
                        message.timeInForce = 3;
                        break;
                    case "TIME_IN_FORCE_DAY":
                    case 4:
                        message.timeInForce = 4;
                        break;
                    default:
                        if (typeof object.timeInForce === "number" && (object.timeInForce | 0) === object.timeInForce)
                            message.timeInForce = object.timeInForce;
                    }
                if (object.price != null)
                    if (typeof object.price !== "string" || object.price.length)
                        message.price = $String(object.price);
                if (object.stopPrice != null)
                    if (typeof object.stopPrice !== "string" || object.stopPrice.length)
                        message.stopPrice = $String(object.stopPrice);
                if (object.quantity != null)
                    if (typeof object.quantity !== "string" || object.quantity.length)
                        message.quantity = $String(object.quantity);
                if (object.filledQuantity != null)
                    if (typeof object.filledQuantity !== "string" || object.filledQuantity.length)
                        message.filledQuantity = $String(object.filledQuantity);
                if (object.status !== 0 && (typeof object.status !== "string" || $root.kapita.v1.OrderStatus[object.status] !== 0))
                    switch (object.status) {
                    case "ORDER_STATUS_UNSPECIFIED":
                    case 0:
                        message.status = 0;
                        break;
                    case "ORDER_STATUS_NEW":
                    case 1:
                        message.status = 1;
                        break;
                    case "ORDER_STATUS_PARTIALLY_FILLED":
                    case 2:
                        message.status = 2;
                        break;
                    case "ORDER_STATUS_FILLED":
                    case 3:
                        message.status = 3;
                        break;
                    case "ORDER_STATUS_CANCELED":
                    case 4:
                        message.status = 4;
                        break;
                    case "ORDER_STATUS_EXPIRED":
                    case 5:
                        message.status = 5;
                        break;
                    case "ORDER_STATUS_PENDING_TRIGGER":
                    case 6:
                        message.status = 6;
                        break;
                    case "ORDER_STATUS_REJECTED":
                    case 7:
                        message.status = 7;
                        break;
                    default:
                        if (typeof object.status === "number" && (object.status | 0) === object.status)
                            message.status = object.status;
                    }
                if (object.fills) {
                    if (!$Array.isArray(object.fills))
                        throw $TypeError(".kapita.v1.OrderResponse.fills: array expected");
                    message.fills = $Array(object.fills.length);
                    for (let i = 0; i < object.fills.length; ++i) {
                        if (!$util.isObject(object.fills[i]))
                            throw $TypeError(".kapita.v1.OrderResponse.fills: object expected");
                        message.fills[i] = $root.kapita.v1.Fill.fromObject(object.fills[i], _depth + 1);
                    }
                }
                return message;
            };

            OrderResponse.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.fills = [];
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.orderId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.orderId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.clientOrderId = "";
                    object.symbol = "";
                    object.side = options.enums === $String ? "SIDE_UNSPECIFIED" : 0;
                    object.type = options.enums === $String ? "ORDER_TYPE_UNSPECIFIED" : 0;
                    object.timeInForce = options.enums === $String ? "TIME_IN_FORCE_UNSPECIFIED" : 0;
                    object.price = "";
                    object.stopPrice = "";
                    object.quantity = "";
                    object.filledQuantity = "";
                    object.status = options.enums === $String ? "ORDER_STATUS_UNSPECIFIED" : 0;
                }
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.orderId = typeof message.orderId === "number" ? $BigInt(message.orderId) : $util.Long.fromBits(message.orderId.low >>> 0, message.orderId.high >>> 0, true).toBigInt();
                    else if (typeof message.orderId === "number")
                        object.orderId = options.longs === $String ? $String(message.orderId) : message.orderId;
                    else
                        object.orderId = options.longs === $String ? $util.Long.prototype.toString.call(message.orderId) : options.longs === $Number ? new $util.LongBits(message.orderId.low >>> 0, message.orderId.high >>> 0).toNumber(true) : message.orderId;
                if (message.clientOrderId != null && $Object.hasOwnProperty.call(message, "clientOrderId"))
                    object.clientOrderId = message.clientOrderId;
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol"))
                    object.symbol = message.symbol;
                if (message.side != null && $Object.hasOwnProperty.call(message, "side"))
                    object.side = options.enums === $String ? $root.kapita.v1.Side[message.side] === $undefined ? message.side : $root.kapita.v1.Side[message.side] : message.side;
                if (message.type != null && $Object.hasOwnProperty.call(message, "type"))
                    object.type = options.enums === $String ? $root.kapita.v1.OrderType[message.type] === $undefined ? message.type : $root.kapita.v1.OrderType[message.type] : message.type;
                if (message.timeInForce != null && $Object.hasOwnProperty.call(message, "timeInForce"))
                    object.timeInForce = options.enums === $String ? $root.kapita.v1.TimeInForce[message.timeInForce] === $undefined ? message.timeInForce : $root.kapita.v1.TimeInForce[message.timeInForce] : message.timeInForce;
                if (message.price != null && $Object.hasOwnProperty.call(message, "price"))
                    object.price = message.price;
                if (message.stopPrice != null && $Object.hasOwnProperty.call(message, "stopPrice"))
                    object.stopPrice = message.stopPrice;
                if (message.quantity != null && $Object.hasOwnProperty.call(message, "quantity"))
                    object.quantity = message.quantity;
                if (message.filledQuantity != null && $Object.hasOwnProperty.call(message, "filledQuantity"))
                    object.filledQuantity = message.filledQuantity;
                if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                    object.status = options.enums === $String ? $root.kapita.v1.OrderStatus[message.status] === $undefined ? message.status : $root.kapita.v1.OrderStatus[message.status] : message.status;
                if (message.fills && message.fills.length) {
                    object.fills = $Array(message.fills.length);
                    for (let j = 0; j < message.fills.length; ++j)
                        object.fills[j] = $root.kapita.v1.Fill.toObject(message.fills[j], options, _depth + 1);
                }
                return object;
            };

            OrderResponse.prototype.toJSON = function() {
                return OrderResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            return OrderResponse;
        })();

        v1.CancelResponse = (function() {

            const CancelResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            CancelResponse.prototype.orderId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            CancelResponse.prototype.status = 0;

            CancelResponse.create = function(properties) {
                return new CancelResponse(properties);
            };

            CancelResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId") && (typeof message.orderId === "object" ? message.orderId.low || message.orderId.high : message.orderId !== 0))
                    writer.uint32(8).uint64(message.orderId);
                if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                    writer.uint32(16).int32(message.status);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            CancelResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.CancelResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.orderId = value;
                            else
                                delete message.orderId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.status = value;
                            else
                                delete message.status;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            CancelResponse.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.CancelResponse)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.CancelResponse: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.CancelResponse();
                if (object.orderId != null)
                    if (typeof object.orderId === "object" ? object.orderId.low || object.orderId.high : $Number(object.orderId) !== 0)
                        if ($util.Long)
                            message.orderId = $util.Long.fromValue(object.orderId, true);
                        else if (typeof object.orderId === "string")
                            message.orderId = $parseInt(object.orderId, 10);
                        else if (typeof object.orderId === "number")
                            message.orderId = object.orderId;
                        else if (typeof object.orderId === "object")
                            message.orderId = new $util.LongBits(object.orderId.low >>> 0, object.orderId.high >>> 0).toNumber(true);
                if (object.status !== 0 && (typeof object.status !== "string" || $root.kapita.v1.OrderStatus[object.status] !== 0))
                    switch (object.status) {
                    case "ORDER_STATUS_UNSPECIFIED":
                    case 0:
                        message.status = 0;
                        break;
                    case "ORDER_STATUS_NEW":
                    case 1:
                        message.status = 1;
                        break;
                    case "ORDER_STATUS_PARTIALLY_FILLED":
                    case 2:
                        message.status = 2;
                        break;
                    case "ORDER_STATUS_FILLED":
                    case 3:
                        message.status = 3;
                        break;
                    case "ORDER_STATUS_CANCELED":
                    case 4:
                        message.status = 4;
                        break;
                    case "ORDER_STATUS_EXPIRED":
                    case 5:
                        message.status = 5;
                        break;
                    case "ORDER_STATUS_PENDING_TRIGGER":
                    case 6:
                        message.status = 6;
                        break;
                    case "ORDER_STATUS_REJECTED":
                    case 7:
                        message.status = 7;
                        break;
                    default:
                        if (typeof object.status === "number" && (object.status | 0) === object.status)
                            message.status = object.status;
                    }
                return message;
            };

            CancelResponse.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.orderId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.orderId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.status = options.enums === $String ? "ORDER_STATUS_UNSPECIFIED" : 0;
                }
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.orderId = typeof message.orderId === "number" ? $BigInt(message.orderId) : $util.Long.fromBits(message.orderId.low >>> 0, message.orderId.high >>> 0, true).toBigInt();
                    else if (typeof message.orderId === "number")
                        object.orderId = options.longs === $String ? $String(message.orderId) : message.orderId;
                    else
                        object.orderId = options.longs === $String ? $util.Long.prototype.toString.call(message.orderId) : options.longs === $Number ? new $util.LongBits(message.orderId.low >>> 0, message.orderId.high >>> 0).toNumber(true) : message.orderId;
                if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                    object.status = options.enums === $String ? $root.kapita.v1.OrderStatus[message.status] === $undefined ? message.status : $root.kapita.v1.OrderStatus[message.status] : message.status;
                return object;
            };

            CancelResponse.prototype.toJSON = function() {
                return CancelResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            return CancelResponse;
        })();

        v1.MassCancelResponse = (function() {

            const MassCancelResponse = function (properties) {
                this.orderIds = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            MassCancelResponse.prototype.orderIds = $util.emptyArray;

            MassCancelResponse.create = function(properties) {
                return new MassCancelResponse(properties);
            };

            MassCancelResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.orderIds != null && message.orderIds.length)
                    writer.uint32(10).uint64s(message.orderIds);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            MassCancelResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.MassCancelResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType === 2) {
                                if (!(message.orderIds && message.orderIds.length))
                                    message.orderIds = [];
                                reader.uint64s(message.orderIds);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.orderIds && message.orderIds.length))
                                message.orderIds = [];
                            message.orderIds.push(reader.uint64());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            MassCancelResponse.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.MassCancelResponse)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.MassCancelResponse: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.MassCancelResponse();
                if (object.orderIds) {
                    if (!$Array.isArray(object.orderIds))
                        throw $TypeError(".kapita.v1.MassCancelResponse.orderIds: array expected");
                    message.orderIds = $Array(object.orderIds.length);
                    for (let i = 0; i < object.orderIds.length; ++i)
                        if ($util.Long)
                            message.orderIds[i] = $util.Long.fromValue(object.orderIds[i], true);
                        else if (typeof object.orderIds[i] === "string")
                            message.orderIds[i] = $parseInt(object.orderIds[i], 10);
                        else if (typeof object.orderIds[i] === "number")
                            message.orderIds[i] = object.orderIds[i];
                        else if (typeof object.orderIds[i] === "object")
                            message.orderIds[i] = new $util.LongBits(object.orderIds[i].low >>> 0, object.orderIds[i].high >>> 0).toNumber(true);
                }
                return message;
            };

            MassCancelResponse.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.orderIds = [];
                if (message.orderIds && message.orderIds.length) {
                    object.orderIds = $Array(message.orderIds.length);
                    for (let j = 0; j < message.orderIds.length; ++j)
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.orderIds[j] = typeof message.orderIds[j] === "number" ? $BigInt(message.orderIds[j]) : $util.Long.fromBits(message.orderIds[j].low >>> 0, message.orderIds[j].high >>> 0, true).toBigInt();
                        else if (typeof message.orderIds[j] === "number")
                            object.orderIds[j] = options.longs === $String ? $String(message.orderIds[j]) : message.orderIds[j];
                        else
                            object.orderIds[j] = options.longs === $String ? $util.Long.prototype.toString.call(message.orderIds[j]) : options.longs === $Number ? new $util.LongBits(message.orderIds[j].low >>> 0, message.orderIds[j].high >>> 0).toNumber(true) : message.orderIds[j];
                }
                return object;
            };

            MassCancelResponse.prototype.toJSON = function() {
                return MassCancelResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            return MassCancelResponse;
        })();

        v1.ExecutionReport = (function() {

            const ExecutionReport = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            ExecutionReport.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            ExecutionReport.prototype.orderId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            ExecutionReport.prototype.clientOrderId = "";
            ExecutionReport.prototype.symbol = "";
            ExecutionReport.prototype.side = 0;
            ExecutionReport.prototype.execType = 0;
            ExecutionReport.prototype.orderStatus = 0;
            ExecutionReport.prototype.type = 0;
            ExecutionReport.prototype.price = "";
            ExecutionReport.prototype.quantity = "";
            ExecutionReport.prototype.lastPrice = "";
            ExecutionReport.prototype.lastQuantity = "";
            ExecutionReport.prototype.tradeId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            ExecutionReport.prototype.liquidity = 0;
            ExecutionReport.prototype.fee = "";
            ExecutionReport.prototype.feeAsset = "";
            ExecutionReport.prototype.cumulativeQuantity = "";
            ExecutionReport.prototype.leavesQuantity = "";
            ExecutionReport.prototype.rejectCode = 0;
            ExecutionReport.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            ExecutionReport.prototype.timeNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            ExecutionReport.create = function(properties) {
                return new ExecutionReport(properties);
            };

            ExecutionReport.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(8).uint64(message.seq);
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId") && (typeof message.orderId === "object" ? message.orderId.low || message.orderId.high : message.orderId !== 0))
                    writer.uint32(16).uint64(message.orderId);
                if (message.clientOrderId != null && $Object.hasOwnProperty.call(message, "clientOrderId") && message.clientOrderId !== "")
                    writer.uint32(26).string(message.clientOrderId);
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol") && message.symbol !== "")
                    writer.uint32(34).string(message.symbol);
                if (message.side != null && $Object.hasOwnProperty.call(message, "side") && message.side !== 0)
                    writer.uint32(40).int32(message.side);
                if (message.execType != null && $Object.hasOwnProperty.call(message, "execType") && message.execType !== 0)
                    writer.uint32(48).int32(message.execType);
                if (message.orderStatus != null && $Object.hasOwnProperty.call(message, "orderStatus") && message.orderStatus !== 0)
                    writer.uint32(56).int32(message.orderStatus);
                if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                    writer.uint32(64).int32(message.type);
                if (message.price != null && $Object.hasOwnProperty.call(message, "price") && message.price !== "")
                    writer.uint32(74).string(message.price);
                if (message.quantity != null && $Object.hasOwnProperty.call(message, "quantity") && message.quantity !== "")
                    writer.uint32(82).string(message.quantity);
                if (message.lastPrice != null && $Object.hasOwnProperty.call(message, "lastPrice") && message.lastPrice !== "")
                    writer.uint32(90).string(message.lastPrice);
                if (message.lastQuantity != null && $Object.hasOwnProperty.call(message, "lastQuantity") && message.lastQuantity !== "")
                    writer.uint32(98).string(message.lastQuantity);
                if (message.tradeId != null && $Object.hasOwnProperty.call(message, "tradeId") && (typeof message.tradeId === "object" ? message.tradeId.low || message.tradeId.high : message.tradeId !== 0))
                    writer.uint32(104).uint64(message.tradeId);
                if (message.liquidity != null && $Object.hasOwnProperty.call(message, "liquidity") && message.liquidity !== 0)
                    writer.uint32(112).int32(message.liquidity);
                if (message.fee != null && $Object.hasOwnProperty.call(message, "fee") && message.fee !== "")
                    writer.uint32(122).string(message.fee);
                if (message.feeAsset != null && $Object.hasOwnProperty.call(message, "feeAsset") && message.feeAsset !== "")
                    writer.uint32(130).string(message.feeAsset);
                if (message.cumulativeQuantity != null && $Object.hasOwnProperty.call(message, "cumulativeQuantity") && message.cumulativeQuantity !== "")
                    writer.uint32(138).string(message.cumulativeQuantity);
                if (message.leavesQuantity != null && $Object.hasOwnProperty.call(message, "leavesQuantity") && message.leavesQuantity !== "")
                    writer.uint32(146).string(message.leavesQuantity);
                if (message.rejectCode != null && $Object.hasOwnProperty.call(message, "rejectCode") && message.rejectCode !== 0)
                    writer.uint32(152).int32(message.rejectCode);
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && (typeof message.timeMs === "object" ? message.timeMs.low || message.timeMs.high : message.timeMs !== 0))
                    writer.uint32(160).int64(message.timeMs);
                if (message.timeNs != null && $Object.hasOwnProperty.call(message, "timeNs") && (typeof message.timeNs === "object" ? message.timeNs.low || message.timeNs.high : message.timeNs !== 0))
                    writer.uint32(168).uint64(message.timeNs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            ExecutionReport.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.ExecutionReport();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.orderId = value;
                            else
                                delete message.orderId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.clientOrderId = value;
                            else
                                delete message.clientOrderId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.symbol = value;
                            else
                                delete message.symbol;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.side = value;
                            else
                                delete message.side;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.execType = value;
                            else
                                delete message.execType;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.orderStatus = value;
                            else
                                delete message.orderStatus;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.type = value;
                            else
                                delete message.type;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.price = value;
                            else
                                delete message.price;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.quantity = value;
                            else
                                delete message.quantity;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.lastPrice = value;
                            else
                                delete message.lastPrice;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.lastQuantity = value;
                            else
                                delete message.lastQuantity;
                            continue;
                        }
                    case 13: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.tradeId = value;
                            else
                                delete message.tradeId;
                            continue;
                        }
                    case 14: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.liquidity = value;
                            else
                                delete message.liquidity;
                            continue;
                        }
                    case 15: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.fee = value;
                            else
                                delete message.fee;
                            continue;
                        }
                    case 16: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.feeAsset = value;
                            else
                                delete message.feeAsset;
                            continue;
                        }
                    case 17: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.cumulativeQuantity = value;
                            else
                                delete message.cumulativeQuantity;
                            continue;
                        }
                    case 18: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.leavesQuantity = value;
                            else
                                delete message.leavesQuantity;
                            continue;
                        }
                    case 19: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.rejectCode = value;
                            else
                                delete message.rejectCode;
                            continue;
                        }
                    case 20: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    case 21: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.timeNs = value;
                            else
                                delete message.timeNs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            ExecutionReport.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.ExecutionReport)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.ExecutionReport: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.ExecutionReport();
                if (object.seq != null)
                    if (typeof object.seq === "object" ? object.seq.low || object.seq.high : $Number(object.seq) !== 0)
                        if ($util.Long)
                            message.seq = $util.Long.fromValue(object.seq, true);
                        else if (typeof object.seq === "string")
                            message.seq = $parseInt(object.seq, 10);
                        else if (typeof object.seq === "number")
                            message.seq = object.seq;
                        else if (typeof object.seq === "object")
                            message.seq = new $util.LongBits(object.seq.low >>> 0, object.seq.high >>> 0).toNumber(true);
                if (object.orderId != null)
                    if (typeof object.orderId === "object" ? object.orderId.low || object.orderId.high : $Number(object.orderId) !== 0)
                        if ($util.Long)
                            message.orderId = $util.Long.fromValue(object.orderId, true);
                        else if (typeof object.orderId === "string")
                            message.orderId = $parseInt(object.orderId, 10);
                        else if (typeof object.orderId === "number")
                            message.orderId = object.orderId;
                        else if (typeof object.orderId === "object")
                            message.orderId = new $util.LongBits(object.orderId.low >>> 0, object.orderId.high >>> 0).toNumber(true);
                if (object.clientOrderId != null)
                    if (typeof object.clientOrderId !== "string" || object.clientOrderId.length)
                        message.clientOrderId = $String(object.clientOrderId);
                if (object.symbol != null)
                    if (typeof object.symbol !== "string" || object.symbol.length)
                        message.symbol = $String(object.symbol);
                if (object.side !== 0 && (typeof object.side !== "string" || $root.kapita.v1.Side[object.side] !== 0))
                    switch (object.side) {
                    case "SIDE_UNSPECIFIED":
                    case 0:
                        message.side = 0;
                        break;
                    case "SIDE_BUY":
                    case 1:
                        message.side = 1;
                        break;
                    case "SIDE_SELL":
                    case 2:
                        message.side = 2;
                        break;
                    default:
                        if (typeof object.side === "number" && (object.side | 0) === object.side)
                            message.side = object.side;
                    }
                if (object.execType !== 0 && (typeof object.execType !== "string" || $root.kapita.v1.ExecType[object.execType] !== 0))
                    switch (object.execType) {
                    case "EXEC_TYPE_UNSPECIFIED":
                    case 0:
                        message.execType = 0;
                        break;
                    case "EXEC_TYPE_NEW":
                    case 1:
                        message.execType = 1;
                        break;
                    case "EXEC_TYPE_TRADE":
                    case 2:
                        message.execType = 2;
                        break;
                    case "EXEC_TYPE_CANCELED":
                    case 3:
                        message.execType = 3;
                        break;
                    case "EXEC_TYPE_EXPIRED":
                    case 4:
                        message.execType = 4;
                        break;
                    case "EXEC_TYPE_REJECTED":
                    case 5:
                        message.execType = 5;
                        break;
                    case "EXEC_TYPE_AMENDED":
                    case 6:
                        message.execType = 6;
                        break;
                    case "EXEC_TYPE_TRIGGERED":
                    case 7:
                        message.execType = 7;
                        break;
                    case "EXEC_TYPE_RESTATED":
                    case 8:
                        message.execType = 8;
                        break;
                    default:
                        if (typeof object.execType === "number" && (object.execType | 0) === object.execType)
                            message.execType = object.execType;
                    }
                if (object.orderStatus !== 0 && (typeof object.orderStatus !== "string" || $root.kapita.v1.OrderStatus[object.orderStatus] !== 0))
                    switch (object.orderStatus) {
                    case "ORDER_STATUS_UNSPECIFIED":
                    case 0:
                        message.orderStatus = 0;
                        break;
                    case "ORDER_STATUS_NEW":
                    case 1:
                        message.orderStatus = 1;
                        break;
                    case "ORDER_STATUS_PARTIALLY_FILLED":
                    case 2:
                        message.orderStatus = 2;
                        break;
                    case "ORDER_STATUS_FILLED":
                    case 3:
                        message.orderStatus = 3;
                        break;
                    case "ORDER_STATUS_CANCELED":
                    case 4:
                        message.orderStatus = 4;
                        break;
                    case "ORDER_STATUS_EXPIRED":
                    case 5:
                        message.orderStatus = 5;
                        break;
                    case "ORDER_STATUS_PENDING_TRIGGER":
                    case 6:
                        message.orderStatus = 6;
                        break;
                    case "ORDER_STATUS_REJECTED":
                    case 7:
                        message.orderStatus = 7;
                        break;
                    default:
                        if (typeof object.orderStatus === "number" && (object.orderStatus | 0) === object.orderStatus)
                            message.orderStatus = object.orderStatus;
                    }
                if (object.type !== 0 && (typeof object.type !== "string" || $root.kapita.v1.OrderType[object.type] !== 0))
                    switch (object.type) {
                    case "ORDER_TYPE_UNSPECIFIED":
                    case 0:
                        message.type = 0;
                        break;
                    case "ORDER_TYPE_LIMIT":
                    case 1:
                        message.type = 1;
                        break;
                    case "ORDER_TYPE_MARKET":
                    case 2:
                        message.type = 2;
                        break;
                    case "ORDER_TYPE_STOP":
                    case 3:
                        message.type = 3;
                        break;
                    case "ORDER_TYPE_STOP_LIMIT":
                    case 4:
                        message.type = 4;
                        break;
                    default:
                        if (typeof object.type === "number" && (object.type | 0) === object.type)
                            message.type = object.type;
                    }
                if (object.price != null)
                    if (typeof object.price !== "string" || object.price.length)
                        message.price = $String(object.price);
                if (object.quantity != null)
                    if (typeof object.quantity !== "string" || object.quantity.length)
                        message.quantity = $String(object.quantity);
                if (object.lastPrice != null)
                    if (typeof object.lastPrice !== "string" || object.lastPrice.length)
                        message.lastPrice = $String(object.lastPrice);
                if (object.lastQuantity != null)
                    if (typeof object.lastQuantity !== "string" || object.lastQuantity.length)
                        message.lastQuantity = $String(object.lastQuantity);
                if (object.tradeId != null)
                    if (typeof object.tradeId === "object" ? object.tradeId.low || object.tradeId.high : $Number(object.tradeId) !== 0)
                        if ($util.Long)
                            message.tradeId = $util.Long.fromValue(object.tradeId, true);
                        else if (typeof object.tradeId === "string")
                            message.tradeId = $parseInt(object.tradeId, 10);
                        else if (typeof object.tradeId === "number")
                            message.tradeId = object.tradeId;
                        else if (typeof object.tradeId === "object")
                            message.tradeId = new $util.LongBits(object.tradeId.low >>> 0, object.tradeId.high >>> 0).toNumber(true);
                if (object.liquidity !== 0 && (typeof object.liquidity !== "string" || $root.kapita.v1.Liquidity[object.liquidity] !== 0))
                    switch (object.liquidity) {
                    case "LIQUIDITY_UNSPECIFIED":
                    case 0:
                        message.liquidity = 0;
                        break;
                    case "LIQUIDITY_MAKER":
                    case 1:
                        message.liquidity = 1;
                        break;
                    case "LIQUIDITY_TAKER":
                    case 2:
                        message.liquidity = 2;
                        break;
                    default:
                        if (typeof object.liquidity === "number" && (object.liquidity | 0) === object.liquidity)
                            message.liquidity = object.liquidity;
                    }
                if (object.fee != null)
                    if (typeof object.fee !== "string" || object.fee.length)
                        message.fee = $String(object.fee);
                if (object.feeAsset != null)
                    if (typeof object.feeAsset !== "string" || object.feeAsset.length)
                        message.feeAsset = $String(object.feeAsset);
                if (object.cumulativeQuantity != null)
                    if (typeof object.cumulativeQuantity !== "string" || object.cumulativeQuantity.length)
                        message.cumulativeQuantity = $String(object.cumulativeQuantity);
                if (object.leavesQuantity != null)
                    if (typeof object.leavesQuantity !== "string" || object.leavesQuantity.length)
                        message.leavesQuantity = $String(object.leavesQuantity);
                if (object.rejectCode != null)
                    if ($Number(object.rejectCode) !== 0)
                        message.rejectCode = object.rejectCode | 0;
                if (object.timeMs != null)
                    if (typeof object.timeMs === "object" ? object.timeMs.low || object.timeMs.high : $Number(object.timeMs) !== 0)
                        if ($util.Long)
                            message.timeMs = $util.Long.fromValue(object.timeMs, false);
                        else if (typeof object.timeMs === "string")
                            message.timeMs = $parseInt(object.timeMs, 10);
                        else if (typeof object.timeMs === "number")
                            message.timeMs = object.timeMs;
                        else if (typeof object.timeMs === "object")
                            message.timeMs = new $util.LongBits(object.timeMs.low >>> 0, object.timeMs.high >>> 0).toNumber();
                if (object.timeNs != null)
                    if (typeof object.timeNs === "object" ? object.timeNs.low || object.timeNs.high : $Number(object.timeNs) !== 0)
                        if ($util.Long)
                            message.timeNs = $util.Long.fromValue(object.timeNs, true);
                        else if (typeof object.timeNs === "string")
                            message.timeNs = $parseInt(object.timeNs, 10);
                        else if (typeof object.timeNs === "number")
                            message.timeNs = object.timeNs;
                        else if (typeof object.timeNs === "object")
                            message.timeNs = new $util.LongBits(object.timeNs.low >>> 0, object.timeNs.high >>> 0).toNumber(true);
                return message;
            };

            ExecutionReport.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.seq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.seq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.orderId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.orderId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.clientOrderId = "";
                    object.symbol = "";
                    object.side = options.enums === $String ? "SIDE_UNSPECIFIED" : 0;
                    object.execType = options.enums === $String ? "EXEC_TYPE_UNSPECIFIED" : 0;
                    object.orderStatus = options.enums === $String ? "ORDER_STATUS_UNSPECIFIED" : 0;
                    object.type = options.enums === $String ? "ORDER_TYPE_UNSPECIFIED" : 0;
                    object.price = "";
                    object.quantity = "";
                    object.lastPrice = "";
                    object.lastQuantity = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.tradeId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.tradeId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.liquidity = options.enums === $String ? "LIQUIDITY_UNSPECIFIED" : 0;
                    object.fee = "";
                    object.feeAsset = "";
                    object.cumulativeQuantity = "";
                    object.leavesQuantity = "";
                    object.rejectCode = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.timeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.timeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.timeNs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.timeNs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.seq = typeof message.seq === "number" ? $BigInt(message.seq) : $util.Long.fromBits(message.seq.low >>> 0, message.seq.high >>> 0, true).toBigInt();
                    else if (typeof message.seq === "number")
                        object.seq = options.longs === $String ? $String(message.seq) : message.seq;
                    else
                        object.seq = options.longs === $String ? $util.Long.prototype.toString.call(message.seq) : options.longs === $Number ? new $util.LongBits(message.seq.low >>> 0, message.seq.high >>> 0).toNumber(true) : message.seq;
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.orderId = typeof message.orderId === "number" ? $BigInt(message.orderId) : $util.Long.fromBits(message.orderId.low >>> 0, message.orderId.high >>> 0, true).toBigInt();
                    else if (typeof message.orderId === "number")
                        object.orderId = options.longs === $String ? $String(message.orderId) : message.orderId;
                    else
                        object.orderId = options.longs === $String ? $util.Long.prototype.toString.call(message.orderId) : options.longs === $Number ? new $util.LongBits(message.orderId.low >>> 0, message.orderId.high >>> 0).toNumber(true) : message.orderId;
                if (message.clientOrderId != null && $Object.hasOwnProperty.call(message, "clientOrderId"))
                    object.clientOrderId = message.clientOrderId;
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol"))
                    object.symbol = message.symbol;
                if (message.side != null && $Object.hasOwnProperty.call(message, "side"))
                    object.side = options.enums === $String ? $root.kapita.v1.Side[message.side] === $undefined ? message.side : $root.kapita.v1.Side[message.side] : message.side;
                if (message.execType != null && $Object.hasOwnProperty.call(message, "execType"))
                    object.execType = options.enums === $String ? $root.kapita.v1.ExecType[message.execType] === $undefined ? message.execType : $root.kapita.v1.ExecType[message.execType] : message.execType;
                if (message.orderStatus != null && $Object.hasOwnProperty.call(message, "orderStatus"))
                    object.orderStatus = options.enums === $String ? $root.kapita.v1.OrderStatus[message.orderStatus] === $undefined ? message.orderStatus : $root.kapita.v1.OrderStatus[message.orderStatus] : message.orderStatus;
                if (message.type != null && $Object.hasOwnProperty.call(message, "type"))
                    object.type = options.enums === $String ? $root.kapita.v1.OrderType[message.type] === $undefined ? message.type : $root.kapita.v1.OrderType[message.type] : message.type;
                if (message.price != null && $Object.hasOwnProperty.call(message, "price"))
                    object.price = message.price;
                if (message.quantity != null && $Object.hasOwnProperty.call(message, "quantity"))
                    object.quantity = message.quantity;
                if (message.lastPrice != null && $Object.hasOwnProperty.call(message, "lastPrice"))
                    object.lastPrice = message.lastPrice;
                if (message.lastQuantity != null && $Object.hasOwnProperty.call(message, "lastQuantity"))
                    object.lastQuantity = message.lastQuantity;
                if (message.tradeId != null && $Object.hasOwnProperty.call(message, "tradeId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.tradeId = typeof message.tradeId === "number" ? $BigInt(message.tradeId) : $util.Long.fromBits(message.tradeId.low >>> 0, message.tradeId.high >>> 0, true).toBigInt();
                    else if (typeof message.tradeId === "number")
                        object.tradeId = options.longs === $String ? $String(message.tradeId) : message.tradeId;
                    else
                        object.tradeId = options.longs === $String ? $util.Long.prototype.toString.call(message.tradeId) : options.longs === $Number ? new $util.LongBits(message.tradeId.low >>> 0, message.tradeId.high >>> 0).toNumber(true) : message.tradeId;
                if (message.liquidity != null && $Object.hasOwnProperty.call(message, "liquidity"))
                    object.liquidity = options.enums === $String ? $root.kapita.v1.Liquidity[message.liquidity] === $undefined ? message.liquidity : $root.kapita.v1.Liquidity[message.liquidity] : message.liquidity;
                if (message.fee != null && $Object.hasOwnProperty.call(message, "fee"))
                    object.fee = message.fee;
                if (message.feeAsset != null && $Object.hasOwnProperty.call(message, "feeAsset"))
                    object.feeAsset = message.feeAsset;
                if (message.cumulativeQuantity != null && $Object.hasOwnProperty.call(message, "cumulativeQuantity"))
                    object.cumulativeQuantity = message.cumulativeQuantity;
                if (message.leavesQuantity != null && $Object.hasOwnProperty.call(message, "leavesQuantity"))
                    object.leavesQuantity = message.leavesQuantity;
                if (message.rejectCode != null && $Object.hasOwnProperty.call(message, "rejectCode"))
                    object.rejectCode = message.rejectCode;
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.timeMs = typeof message.timeMs === "number" ? $BigInt(message.timeMs) : $util.Long.fromBits(message.timeMs.low >>> 0, message.timeMs.high >>> 0, false).toBigInt();
                    else if (typeof message.timeMs === "number")
                        object.timeMs = options.longs === $String ? $String(message.timeMs) : message.timeMs;
                    else
                        object.timeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.timeMs) : options.longs === $Number ? new $util.LongBits(message.timeMs.low >>> 0, message.timeMs.high >>> 0).toNumber() : message.timeMs;
                if (message.timeNs != null && $Object.hasOwnProperty.call(message, "timeNs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.timeNs = typeof message.timeNs === "number" ? $BigInt(message.timeNs) : $util.Long.fromBits(message.timeNs.low >>> 0, message.timeNs.high >>> 0, true).toBigInt();
                    else if (typeof message.timeNs === "number")
                        object.timeNs = options.longs === $String ? $String(message.timeNs) : message.timeNs;
                    else
                        object.timeNs = options.longs === $String ? $util.Long.prototype.toString.call(message.timeNs) : options.longs === $Number ? new $util.LongBits(message.timeNs.low >>> 0, message.timeNs.high >>> 0).toNumber(true) : message.timeNs;
                return object;
            };

            ExecutionReport.prototype.toJSON = function() {
                return ExecutionReport.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ExecutionReport;
        })();

        v1.Subscribe = (function() {

            const Subscribe = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Subscribe.prototype.channel = 0;
            Subscribe.prototype.symbol = "";
            Subscribe.prototype.interval = 0;

            Subscribe.create = function(properties) {
                return new Subscribe(properties);
            };

            Subscribe.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.channel != null && $Object.hasOwnProperty.call(message, "channel") && message.channel !== 0)
                    writer.uint32(8).int32(message.channel);
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol") && message.symbol !== "")
                    writer.uint32(18).string(message.symbol);
                if (message.interval != null && $Object.hasOwnProperty.call(message, "interval") && message.interval !== 0)
                    writer.uint32(24).int32(message.interval);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Subscribe.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.Subscribe();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.channel = value;
                            else
                                delete message.channel;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.symbol = value;
                            else
                                delete message.symbol;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.interval = value;
                            else
                                delete message.interval;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Subscribe.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.Subscribe)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.Subscribe: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.Subscribe();
                if (object.channel !== 0 && (typeof object.channel !== "string" || $root.kapita.v1.Channel[object.channel] !== 0))
                    switch (object.channel) {
                    case "CHANNEL_UNSPECIFIED":
                    case 0:
                        message.channel = 0;
                        break;
                    case "CHANNEL_L1":
                    case 1:
                        message.channel = 1;
                        break;
                    case "CHANNEL_L2":
                    case 2:
                        message.channel = 2;
                        break;
                    case "CHANNEL_L3":
                    case 3:
                        message.channel = 3;
                        break;
                    case "CHANNEL_TRADES":
                    case 4:
                        message.channel = 4;
                        break;
                    case "CHANNEL_CANDLES":
                    case 5:
                        message.channel = 5;
                        break;
                    case "CHANNEL_ORDERS":
                    case 6:
                        message.channel = 6;
                        break;
                    case "CHANNEL_FILLS":
                    case 7:
                        message.channel = 7;
                        break;
                    case "CHANNEL_BALANCES":
                    case 8:
                        message.channel = 8;
                        break;
                    default:
                        if (typeof object.channel === "number" && (object.channel | 0) === object.channel)
                            message.channel = object.channel;
                    }
                if (object.symbol != null)
                    if (typeof object.symbol !== "string" || object.symbol.length)
                        message.symbol = $String(object.symbol);
                if (object.interval !== 0 && (typeof object.interval !== "string" || $root.kapita.v1.CandleInterval[object.interval] !== 0))
                    switch (object.interval) {
                    case "CANDLE_INTERVAL_UNSPECIFIED":
                    case 0:
                        message.interval = 0;
                        break;
                    case "CANDLE_INTERVAL_1M":
                    case 1:
                        message.interval = 1;
                        break;
                    case "CANDLE_INTERVAL_5M":
                    case 2:
                        message.interval = 2;
                        break;
                    case "CANDLE_INTERVAL_15M":
                    case 3:
                        message.interval = 3;
                        break;
                    case "CANDLE_INTERVAL_1H":
                    case 4:
                        message.interval = 4;
                        break;
                    case "CANDLE_INTERVAL_4H":
                    case 5:
                        message.interval = 5;
                        break;
                    case "CANDLE_INTERVAL_1D":
                    case 6:
                        message.interval = 6;
                        break;
                    default:
                        if (typeof object.interval === "number" && (object.interval | 0) === object.interval)
                            message.interval = object.interval;
                    }
                return message;
            };

            Subscribe.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.channel = options.enums === $String ? "CHANNEL_UNSPECIFIED" : 0;
                    object.symbol = "";
                    object.interval = options.enums === $String ? "CANDLE_INTERVAL_UNSPECIFIED" : 0;
                }
                if (message.channel != null && $Object.hasOwnProperty.call(message, "channel"))
                    object.channel = options.enums === $String ? $root.kapita.v1.Channel[message.channel] === $undefined ? message.channel : $root.kapita.v1.Channel[message.channel] : message.channel;
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol"))
                    object.symbol = message.symbol;
                if (message.interval != null && $Object.hasOwnProperty.call(message, "interval"))
                    object.interval = options.enums === $String ? $root.kapita.v1.CandleInterval[message.interval] === $undefined ? message.interval : $root.kapita.v1.CandleInterval[message.interval] : message.interval;
                return object;
            };

            Subscribe.prototype.toJSON = function() {
                return Subscribe.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Subscribe;
        })();

        v1.Unsubscribe = (function() {

            const Unsubscribe = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Unsubscribe.prototype.channel = 0;
            Unsubscribe.prototype.symbol = "";
            Unsubscribe.prototype.interval = 0;

            Unsubscribe.create = function(properties) {
                return new Unsubscribe(properties);
            };

            Unsubscribe.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.channel != null && $Object.hasOwnProperty.call(message, "channel") && message.channel !== 0)
                    writer.uint32(8).int32(message.channel);
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol") && message.symbol !== "")
                    writer.uint32(18).string(message.symbol);
                if (message.interval != null && $Object.hasOwnProperty.call(message, "interval") && message.interval !== 0)
                    writer.uint32(24).int32(message.interval);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Unsubscribe.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.Unsubscribe();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.channel = value;
                            else
                                delete message.channel;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.symbol = value;
                            else
                                delete message.symbol;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.interval = value;
                            else
                                delete message.interval;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Unsubscribe.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.Unsubscribe)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.Unsubscribe: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.Unsubscribe();
                if (object.channel !== 0 && (typeof object.channel !== "string" || $root.kapita.v1.Channel[object.channel] !== 0))
                    switch (object.channel) {
                    case "CHANNEL_UNSPECIFIED":
                    case 0:
                        message.channel = 0;
                        break;
                    case "CHANNEL_L1":
                    case 1:
                        message.channel = 1;
                        break;
                    case "CHANNEL_L2":
                    case 2:
                        message.channel = 2;
                        break;
                    case "CHANNEL_L3":
                    case 3:
                        message.channel = 3;
                        break;
                    case "CHANNEL_TRADES":
                    case 4:
                        message.channel = 4;
                        break;
                    case "CHANNEL_CANDLES":
                    case 5:
                        message.channel = 5;
                        break;
                    case "CHANNEL_ORDERS":
                    case 6:
                        message.channel = 6;
                        break;
                    case "CHANNEL_FILLS":
                    case 7:
                        message.channel = 7;
                        break;
                    case "CHANNEL_BALANCES":
                    case 8:
                        message.channel = 8;
                        break;
                    default:
                        if (typeof object.channel === "number" && (object.channel | 0) === object.channel)
                            message.channel = object.channel;
                    }
                if (object.symbol != null)
                    if (typeof object.symbol !== "string" || object.symbol.length)
                        message.symbol = $String(object.symbol);
                if (object.interval !== 0 && (typeof object.interval !== "string" || $root.kapita.v1.CandleInterval[object.interval] !== 0))
                    switch (object.interval) {
                    case "CANDLE_INTERVAL_UNSPECIFIED":
                    case 0:
                        message.interval = 0;
                        break;
                    case "CANDLE_INTERVAL_1M":
                    case 1:
                        message.interval = 1;
                        break;
                    case "CANDLE_INTERVAL_5M":
                    case 2:
                        message.interval = 2;
                        break;
                    case "CANDLE_INTERVAL_15M":
                    case 3:
                        message.interval = 3;
                        break;
                    case "CANDLE_INTERVAL_1H":
                    case 4:
                        message.interval = 4;
                        break;
                    case "CANDLE_INTERVAL_4H":
                    case 5:
                        message.interval = 5;
                        break;
                    case "CANDLE_INTERVAL_1D":
                    case 6:
                        message.interval = 6;
                        break;
                    default:
                        if (typeof object.interval === "number" && (object.interval | 0) === object.interval)
                            message.interval = object.interval;
                    }
                return message;
            };

            Unsubscribe.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.channel = options.enums === $String ? "CHANNEL_UNSPECIFIED" : 0;
                    object.symbol = "";
                    object.interval = options.enums === $String ? "CANDLE_INTERVAL_UNSPECIFIED" : 0;
                }
                if (message.channel != null && $Object.hasOwnProperty.call(message, "channel"))
                    object.channel = options.enums === $String ? $root.kapita.v1.Channel[message.channel] === $undefined ? message.channel : $root.kapita.v1.Channel[message.channel] : message.channel;
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol"))
                    object.symbol = message.symbol;
                if (message.interval != null && $Object.hasOwnProperty.call(message, "interval"))
                    object.interval = options.enums === $String ? $root.kapita.v1.CandleInterval[message.interval] === $undefined ? message.interval : $root.kapita.v1.CandleInterval[message.interval] : message.interval;
                return object;
            };

            Unsubscribe.prototype.toJSON = function() {
                return Unsubscribe.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Unsubscribe;
        })();

        v1.SubscribeResponse = (function() {

            const SubscribeResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            SubscribeResponse.prototype.channel = 0;
            SubscribeResponse.prototype.symbol = "";
            SubscribeResponse.prototype.interval = 0;
            SubscribeResponse.prototype.subscribed = false;

            SubscribeResponse.create = function(properties) {
                return new SubscribeResponse(properties);
            };

            SubscribeResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.channel != null && $Object.hasOwnProperty.call(message, "channel") && message.channel !== 0)
                    writer.uint32(8).int32(message.channel);
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol") && message.symbol !== "")
                    writer.uint32(18).string(message.symbol);
                if (message.interval != null && $Object.hasOwnProperty.call(message, "interval") && message.interval !== 0)
                    writer.uint32(24).int32(message.interval);
                if (message.subscribed != null && $Object.hasOwnProperty.call(message, "subscribed") && message.subscribed !== false)
                    writer.uint32(32).bool(message.subscribed);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            SubscribeResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.SubscribeResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.channel = value;
                            else
                                delete message.channel;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.symbol = value;
                            else
                                delete message.symbol;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.interval = value;
                            else
                                delete message.interval;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.subscribed = value;
                            else
                                delete message.subscribed;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            SubscribeResponse.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.SubscribeResponse)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.SubscribeResponse: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.SubscribeResponse();
                if (object.channel !== 0 && (typeof object.channel !== "string" || $root.kapita.v1.Channel[object.channel] !== 0))
                    switch (object.channel) {
                    case "CHANNEL_UNSPECIFIED":
                    case 0:
                        message.channel = 0;
                        break;
                    case "CHANNEL_L1":
                    case 1:
                        message.channel = 1;
                        break;
                    case "CHANNEL_L2":
                    case 2:
                        message.channel = 2;
                        break;
                    case "CHANNEL_L3":
                    case 3:
                        message.channel = 3;
                        break;
                    case "CHANNEL_TRADES":
                    case 4:
                        message.channel = 4;
                        break;
                    case "CHANNEL_CANDLES":
                    case 5:
                        message.channel = 5;
                        break;
                    case "CHANNEL_ORDERS":
                    case 6:
                        message.channel = 6;
                        break;
                    case "CHANNEL_FILLS":
                    case 7:
                        message.channel = 7;
                        break;
                    case "CHANNEL_BALANCES":
                    case 8:
                        message.channel = 8;
                        break;
                    default:
                        if (typeof object.channel === "number" && (object.channel | 0) === object.channel)
                            message.channel = object.channel;
                    }
                if (object.symbol != null)
                    if (typeof object.symbol !== "string" || object.symbol.length)
                        message.symbol = $String(object.symbol);
                if (object.interval !== 0 && (typeof object.interval !== "string" || $root.kapita.v1.CandleInterval[object.interval] !== 0))
                    switch (object.interval) {
                    case "CANDLE_INTERVAL_UNSPECIFIED":
                    case 0:
                        message.interval = 0;
                        break;
                    case "CANDLE_INTERVAL_1M":
                    case 1:
                        message.interval = 1;
                        break;
                    case "CANDLE_INTERVAL_5M":
                    case 2:
                        message.interval = 2;
                        break;
                    case "CANDLE_INTERVAL_15M":
                    case 3:
                        message.interval = 3;
                        break;
                    case "CANDLE_INTERVAL_1H":
                    case 4:
                        message.interval = 4;
                        break;
                    case "CANDLE_INTERVAL_4H":
                    case 5:
                        message.interval = 5;
                        break;
                    case "CANDLE_INTERVAL_1D":
                    case 6:
                        message.interval = 6;
                        break;
                    default:
                        if (typeof object.interval === "number" && (object.interval | 0) === object.interval)
                            message.interval = object.interval;
                    }
                if (object.subscribed != null)
                    if (object.subscribed)
                        message.subscribed = $Boolean(object.subscribed);
                return message;
            };

            SubscribeResponse.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.channel = options.enums === $String ? "CHANNEL_UNSPECIFIED" : 0;
                    object.symbol = "";
                    object.interval = options.enums === $String ? "CANDLE_INTERVAL_UNSPECIFIED" : 0;
                    object.subscribed = false;
                }
                if (message.channel != null && $Object.hasOwnProperty.call(message, "channel"))
                    object.channel = options.enums === $String ? $root.kapita.v1.Channel[message.channel] === $undefined ? message.channel : $root.kapita.v1.Channel[message.channel] : message.channel;
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol"))
                    object.symbol = message.symbol;
                if (message.interval != null && $Object.hasOwnProperty.call(message, "interval"))
                    object.interval = options.enums === $String ? $root.kapita.v1.CandleInterval[message.interval] === $undefined ? message.interval : $root.kapita.v1.CandleInterval[message.interval] : message.interval;
                if (message.subscribed != null && $Object.hasOwnProperty.call(message, "subscribed"))
                    object.subscribed = message.subscribed;
                return object;
            };

            SubscribeResponse.prototype.toJSON = function() {
                return SubscribeResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            return SubscribeResponse;
        })();

        v1.Level = (function() {

            const Level = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Level.prototype.price = "";
            Level.prototype.quantity = "";
            Level.prototype.orderCount = 0;

            Level.create = function(properties) {
                return new Level(properties);
            };

            Level.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.price != null && $Object.hasOwnProperty.call(message, "price") && message.price !== "")
                    writer.uint32(10).string(message.price);
                if (message.quantity != null && $Object.hasOwnProperty.call(message, "quantity") && message.quantity !== "")
                    writer.uint32(18).string(message.quantity);
                if (message.orderCount != null && $Object.hasOwnProperty.call(message, "orderCount") && message.orderCount !== 0)
                    writer.uint32(24).uint32(message.orderCount);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Level.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.Level();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.price = value;
                            else
                                delete message.price;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.quantity = value;
                            else
                                delete message.quantity;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.orderCount = value;
                            else
                                delete message.orderCount;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Level.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.Level)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.Level: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.Level();
                if (object.price != null)
                    if (typeof object.price !== "string" || object.price.length)
                        message.price = $String(object.price);
                if (object.quantity != null)
                    if (typeof object.quantity !== "string" || object.quantity.length)
                        message.quantity = $String(object.quantity);
                if (object.orderCount != null)
                    if ($Number(object.orderCount) !== 0)
                        message.orderCount = object.orderCount >>> 0;
                return message;
            };

            Level.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.price = "";
                    object.quantity = "";
                    object.orderCount = 0;
                }
                if (message.price != null && $Object.hasOwnProperty.call(message, "price"))
                    object.price = message.price;
                if (message.quantity != null && $Object.hasOwnProperty.call(message, "quantity"))
                    object.quantity = message.quantity;
                if (message.orderCount != null && $Object.hasOwnProperty.call(message, "orderCount"))
                    object.orderCount = message.orderCount;
                return object;
            };

            Level.prototype.toJSON = function() {
                return Level.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Level;
        })();

        v1.BookOrder = (function() {

            const BookOrder = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            BookOrder.prototype.orderId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            BookOrder.prototype.side = 0;
            BookOrder.prototype.price = "";
            BookOrder.prototype.quantity = "";

            BookOrder.create = function(properties) {
                return new BookOrder(properties);
            };

            BookOrder.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId") && (typeof message.orderId === "object" ? message.orderId.low || message.orderId.high : message.orderId !== 0))
                    writer.uint32(8).uint64(message.orderId);
                if (message.side != null && $Object.hasOwnProperty.call(message, "side") && message.side !== 0)
                    writer.uint32(16).int32(message.side);
                if (message.price != null && $Object.hasOwnProperty.call(message, "price") && message.price !== "")
                    writer.uint32(26).string(message.price);
                if (message.quantity != null && $Object.hasOwnProperty.call(message, "quantity") && message.quantity !== "")
                    writer.uint32(34).string(message.quantity);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            BookOrder.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.BookOrder();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.orderId = value;
                            else
                                delete message.orderId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.side = value;
                            else
                                delete message.side;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.price = value;
                            else
                                delete message.price;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.quantity = value;
                            else
                                delete message.quantity;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            BookOrder.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.BookOrder)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.BookOrder: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.BookOrder();
                if (object.orderId != null)
                    if (typeof object.orderId === "object" ? object.orderId.low || object.orderId.high : $Number(object.orderId) !== 0)
                        if ($util.Long)
                            message.orderId = $util.Long.fromValue(object.orderId, true);
                        else if (typeof object.orderId === "string")
                            message.orderId = $parseInt(object.orderId, 10);
                        else if (typeof object.orderId === "number")
                            message.orderId = object.orderId;
                        else if (typeof object.orderId === "object")
                            message.orderId = new $util.LongBits(object.orderId.low >>> 0, object.orderId.high >>> 0).toNumber(true);
                if (object.side !== 0 && (typeof object.side !== "string" || $root.kapita.v1.Side[object.side] !== 0))
                    switch (object.side) {
                    case "SIDE_UNSPECIFIED":
                    case 0:
                        message.side = 0;
                        break;
                    case "SIDE_BUY":
                    case 1:
                        message.side = 1;
                        break;
                    case "SIDE_SELL":
                    case 2:
                        message.side = 2;
                        break;
                    default:
                        if (typeof object.side === "number" && (object.side | 0) === object.side)
                            message.side = object.side;
                    }
                if (object.price != null)
                    if (typeof object.price !== "string" || object.price.length)
                        message.price = $String(object.price);
                if (object.quantity != null)
                    if (typeof object.quantity !== "string" || object.quantity.length)
                        message.quantity = $String(object.quantity);
                return message;
            };

            BookOrder.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.orderId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.orderId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.side = options.enums === $String ? "SIDE_UNSPECIFIED" : 0;
                    object.price = "";
                    object.quantity = "";
                }
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.orderId = typeof message.orderId === "number" ? $BigInt(message.orderId) : $util.Long.fromBits(message.orderId.low >>> 0, message.orderId.high >>> 0, true).toBigInt();
                    else if (typeof message.orderId === "number")
                        object.orderId = options.longs === $String ? $String(message.orderId) : message.orderId;
                    else
                        object.orderId = options.longs === $String ? $util.Long.prototype.toString.call(message.orderId) : options.longs === $Number ? new $util.LongBits(message.orderId.low >>> 0, message.orderId.high >>> 0).toNumber(true) : message.orderId;
                if (message.side != null && $Object.hasOwnProperty.call(message, "side"))
                    object.side = options.enums === $String ? $root.kapita.v1.Side[message.side] === $undefined ? message.side : $root.kapita.v1.Side[message.side] : message.side;
                if (message.price != null && $Object.hasOwnProperty.call(message, "price"))
                    object.price = message.price;
                if (message.quantity != null && $Object.hasOwnProperty.call(message, "quantity"))
                    object.quantity = message.quantity;
                return object;
            };

            BookOrder.prototype.toJSON = function() {
                return BookOrder.toObject(this, $protobuf.util.toJSONOptions);
            };

            return BookOrder;
        })();

        v1.BookSnapshot = (function() {

            const BookSnapshot = function (properties) {
                this.bids = [];
                this.asks = [];
                this.orders = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            BookSnapshot.prototype.symbol = "";
            BookSnapshot.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            BookSnapshot.prototype.bids = $util.emptyArray;
            BookSnapshot.prototype.asks = $util.emptyArray;
            BookSnapshot.prototype.orders = $util.emptyArray;

            BookSnapshot.create = function(properties) {
                return new BookSnapshot(properties);
            };

            BookSnapshot.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol") && message.symbol !== "")
                    writer.uint32(10).string(message.symbol);
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(16).uint64(message.seq);
                if (message.bids != null && message.bids.length)
                    for (let i = 0; i < message.bids.length; ++i)
                        $root.kapita.v1.Level.encode(message.bids[i], writer.uint32(26).fork(), _depth + 1).ldelim();
                if (message.asks != null && message.asks.length)
                    for (let i = 0; i < message.asks.length; ++i)
                        $root.kapita.v1.Level.encode(message.asks[i], writer.uint32(34).fork(), _depth + 1).ldelim();
                if (message.orders != null && message.orders.length)
                    for (let i = 0; i < message.orders.length; ++i)
                        $root.kapita.v1.BookOrder.encode(message.orders[i], writer.uint32(42).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            BookSnapshot.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.BookSnapshot();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.symbol = value;
                            else
                                delete message.symbol;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.bids && message.bids.length))
                                message.bids = [];
                            message.bids.push($root.kapita.v1.Level.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.asks && message.asks.length))
                                message.asks = [];
                            message.asks.push($root.kapita.v1.Level.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if (!(message.orders && message.orders.length))
                                message.orders = [];
                            message.orders.push($root.kapita.v1.BookOrder.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            BookSnapshot.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.BookSnapshot)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.BookSnapshot: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.BookSnapshot();
                if (object.symbol != null)
                    if (typeof object.symbol !== "string" || object.symbol.length)
                        message.symbol = $String(object.symbol);
                if (object.seq != null)
                    if (typeof object.seq === "object" ? object.seq.low || object.seq.high : $Number(object.seq) !== 0)
                        if ($util.Long)
                            message.seq = $util.Long.fromValue(object.seq, true);
                        else if (typeof object.seq === "string")
                            message.seq = $parseInt(object.seq, 10);
                        else if (typeof object.seq === "number")
                            message.seq = object.seq;
                        else if (typeof object.seq === "object")
                            message.seq = new $util.LongBits(object.seq.low >>> 0, object.seq.high >>> 0).toNumber(true);
                if (object.bids) {
                    if (!$Array.isArray(object.bids))
                        throw $TypeError(".kapita.v1.BookSnapshot.bids: array expected");
                    message.bids = $Array(object.bids.length);
                    for (let i = 0; i < object.bids.length; ++i) {
                        if (!$util.isObject(object.bids[i]))
                            throw $TypeError(".kapita.v1.BookSnapshot.bids: object expected");
                        message.bids[i] = $root.kapita.v1.Level.fromObject(object.bids[i], _depth + 1);
                    }
                }
                if (object.asks) {
                    if (!$Array.isArray(object.asks))
                        throw $TypeError(".kapita.v1.BookSnapshot.asks: array expected");
                    message.asks = $Array(object.asks.length);
                    for (let i = 0; i < object.asks.length; ++i) {
                        if (!$util.isObject(object.asks[i]))
                            throw $TypeError(".kapita.v1.BookSnapshot.asks: object expected");
                        message.asks[i] = $root.kapita.v1.Level.fromObject(object.asks[i], _depth + 1);
                    }
                }
                if (object.orders) {
                    if (!$Array.isArray(object.orders))
                        throw $TypeError(".kapita.v1.BookSnapshot.orders: array expected");
                    message.orders = $Array(object.orders.length);
                    for (let i = 0; i < object.orders.length; ++i) {
                        if (!$util.isObject(object.orders[i]))
                            throw $TypeError(".kapita.v1.BookSnapshot.orders: object expected");
                        message.orders[i] = $root.kapita.v1.BookOrder.fromObject(object.orders[i], _depth + 1);
                    }
                }
                return message;
            };

            BookSnapshot.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.bids = [];
                    object.asks = [];
                    object.orders = [];
                }
                if (options.defaults) {
                    object.symbol = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.seq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.seq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol"))
                    object.symbol = message.symbol;
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.seq = typeof message.seq === "number" ? $BigInt(message.seq) : $util.Long.fromBits(message.seq.low >>> 0, message.seq.high >>> 0, true).toBigInt();
                    else if (typeof message.seq === "number")
                        object.seq = options.longs === $String ? $String(message.seq) : message.seq;
                    else
                        object.seq = options.longs === $String ? $util.Long.prototype.toString.call(message.seq) : options.longs === $Number ? new $util.LongBits(message.seq.low >>> 0, message.seq.high >>> 0).toNumber(true) : message.seq;
                if (message.bids && message.bids.length) {
                    object.bids = $Array(message.bids.length);
                    for (let j = 0; j < message.bids.length; ++j)
                        object.bids[j] = $root.kapita.v1.Level.toObject(message.bids[j], options, _depth + 1);
                }
                if (message.asks && message.asks.length) {
                    object.asks = $Array(message.asks.length);
                    for (let j = 0; j < message.asks.length; ++j)
                        object.asks[j] = $root.kapita.v1.Level.toObject(message.asks[j], options, _depth + 1);
                }
                if (message.orders && message.orders.length) {
                    object.orders = $Array(message.orders.length);
                    for (let j = 0; j < message.orders.length; ++j)
                        object.orders[j] = $root.kapita.v1.BookOrder.toObject(message.orders[j], options, _depth + 1);
                }
                return object;
            };

            BookSnapshot.prototype.toJSON = function() {
                return BookSnapshot.toObject(this, $protobuf.util.toJSONOptions);
            };

            return BookSnapshot;
        })();

        v1.LevelChange = (function() {

            const LevelChange = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            LevelChange.prototype.side = 0;
            LevelChange.prototype.price = "";
            LevelChange.prototype.quantity = "";

            LevelChange.create = function(properties) {
                return new LevelChange(properties);
            };

            LevelChange.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.side != null && $Object.hasOwnProperty.call(message, "side") && message.side !== 0)
                    writer.uint32(8).int32(message.side);
                if (message.price != null && $Object.hasOwnProperty.call(message, "price") && message.price !== "")
                    writer.uint32(18).string(message.price);
                if (message.quantity != null && $Object.hasOwnProperty.call(message, "quantity") && message.quantity !== "")
                    writer.uint32(26).string(message.quantity);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            LevelChange.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.LevelChange();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.side = value;
                            else
                                delete message.side;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.price = value;
                            else
                                delete message.price;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.quantity = value;
                            else
                                delete message.quantity;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            LevelChange.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.LevelChange)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.LevelChange: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.LevelChange();
                if (object.side !== 0 && (typeof object.side !== "string" || $root.kapita.v1.Side[object.side] !== 0))
                    switch (object.side) {
                    case "SIDE_UNSPECIFIED":
                    case 0:
                        message.side = 0;
                        break;
                    case "SIDE_BUY":
                    case 1:
                        message.side = 1;
                        break;
                    case "SIDE_SELL":
                    case 2:
                        message.side = 2;
                        break;
                    default:
                        if (typeof object.side === "number" && (object.side | 0) === object.side)
                            message.side = object.side;
                    }
                if (object.price != null)
                    if (typeof object.price !== "string" || object.price.length)
                        message.price = $String(object.price);
                if (object.quantity != null)
                    if (typeof object.quantity !== "string" || object.quantity.length)
                        message.quantity = $String(object.quantity);
                return message;
            };

            LevelChange.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.side = options.enums === $String ? "SIDE_UNSPECIFIED" : 0;
                    object.price = "";
                    object.quantity = "";
                }
                if (message.side != null && $Object.hasOwnProperty.call(message, "side"))
                    object.side = options.enums === $String ? $root.kapita.v1.Side[message.side] === $undefined ? message.side : $root.kapita.v1.Side[message.side] : message.side;
                if (message.price != null && $Object.hasOwnProperty.call(message, "price"))
                    object.price = message.price;
                if (message.quantity != null && $Object.hasOwnProperty.call(message, "quantity"))
                    object.quantity = message.quantity;
                return object;
            };

            LevelChange.prototype.toJSON = function() {
                return LevelChange.toObject(this, $protobuf.util.toJSONOptions);
            };

            return LevelChange;
        })();

        v1.BookUpdate = (function() {

            const BookUpdate = function (properties) {
                this.changes = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            BookUpdate.prototype.symbol = "";
            BookUpdate.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            BookUpdate.prototype.prevSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            BookUpdate.prototype.changes = $util.emptyArray;
            BookUpdate.prototype.timeNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            BookUpdate.create = function(properties) {
                return new BookUpdate(properties);
            };

            BookUpdate.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol") && message.symbol !== "")
                    writer.uint32(10).string(message.symbol);
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(16).uint64(message.seq);
                if (message.prevSeq != null && $Object.hasOwnProperty.call(message, "prevSeq") && (typeof message.prevSeq === "object" ? message.prevSeq.low || message.prevSeq.high : message.prevSeq !== 0))
                    writer.uint32(24).uint64(message.prevSeq);
                if (message.changes != null && message.changes.length)
                    for (let i = 0; i < message.changes.length; ++i)
                        $root.kapita.v1.LevelChange.encode(message.changes[i], writer.uint32(34).fork(), _depth + 1).ldelim();
                if (message.timeNs != null && $Object.hasOwnProperty.call(message, "timeNs") && (typeof message.timeNs === "object" ? message.timeNs.low || message.timeNs.high : message.timeNs !== 0))
                    writer.uint32(40).uint64(message.timeNs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            BookUpdate.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.BookUpdate();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.symbol = value;
                            else
                                delete message.symbol;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.prevSeq = value;
                            else
                                delete message.prevSeq;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.changes && message.changes.length))
                                message.changes = [];
                            message.changes.push($root.kapita.v1.LevelChange.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.timeNs = value;
                            else
                                delete message.timeNs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            BookUpdate.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.BookUpdate)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.BookUpdate: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.BookUpdate();
                if (object.symbol != null)
                    if (typeof object.symbol !== "string" || object.symbol.length)
                        message.symbol = $String(object.symbol);
                if (object.seq != null)
                    if (typeof object.seq === "object" ? object.seq.low || object.seq.high : $Number(object.seq) !== 0)
                        if ($util.Long)
                            message.seq = $util.Long.fromValue(object.seq, true);
                        else if (typeof object.seq === "string")
                            message.seq = $parseInt(object.seq, 10);
                        else if (typeof object.seq === "number")
                            message.seq = object.seq;
                        else if (typeof object.seq === "object")
                            message.seq = new $util.LongBits(object.seq.low >>> 0, object.seq.high >>> 0).toNumber(true);
                if (object.prevSeq != null)
                    if (typeof object.prevSeq === "object" ? object.prevSeq.low || object.prevSeq.high : $Number(object.prevSeq) !== 0)
                        if ($util.Long)
                            message.prevSeq = $util.Long.fromValue(object.prevSeq, true);
                        else if (typeof object.prevSeq === "string")
                            message.prevSeq = $parseInt(object.prevSeq, 10);
                        else if (typeof object.prevSeq === "number")
                            message.prevSeq = object.prevSeq;
                        else if (typeof object.prevSeq === "object")
                            message.prevSeq = new $util.LongBits(object.prevSeq.low >>> 0, object.prevSeq.high >>> 0).toNumber(true);
                if (object.changes) {
                    if (!$Array.isArray(object.changes))
                        throw $TypeError(".kapita.v1.BookUpdate.changes: array expected");
                    message.changes = $Array(object.changes.length);
                    for (let i = 0; i < object.changes.length; ++i) {
                        if (!$util.isObject(object.changes[i]))
                            throw $TypeError(".kapita.v1.BookUpdate.changes: object expected");
                        message.changes[i] = $root.kapita.v1.LevelChange.fromObject(object.changes[i], _depth + 1);
                    }
                }
                if (object.timeNs != null)
                    if (typeof object.timeNs === "object" ? object.timeNs.low || object.timeNs.high : $Number(object.timeNs) !== 0)
                        if ($util.Long)
                            message.timeNs = $util.Long.fromValue(object.timeNs, true);
                        else if (typeof object.timeNs === "string")
                            message.timeNs = $parseInt(object.timeNs, 10);
                        else if (typeof object.timeNs === "number")
                            message.timeNs = object.timeNs;
                        else if (typeof object.timeNs === "object")
                            message.timeNs = new $util.LongBits(object.timeNs.low >>> 0, object.timeNs.high >>> 0).toNumber(true);
                return message;
            };

            BookUpdate.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.changes = [];
                if (options.defaults) {
                    object.symbol = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.seq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.seq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.prevSeq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.prevSeq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.timeNs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.timeNs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol"))
                    object.symbol = message.symbol;
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.seq = typeof message.seq === "number" ? $BigInt(message.seq) : $util.Long.fromBits(message.seq.low >>> 0, message.seq.high >>> 0, true).toBigInt();
                    else if (typeof message.seq === "number")
                        object.seq = options.longs === $String ? $String(message.seq) : message.seq;
                    else
                        object.seq = options.longs === $String ? $util.Long.prototype.toString.call(message.seq) : options.longs === $Number ? new $util.LongBits(message.seq.low >>> 0, message.seq.high >>> 0).toNumber(true) : message.seq;
                if (message.prevSeq != null && $Object.hasOwnProperty.call(message, "prevSeq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.prevSeq = typeof message.prevSeq === "number" ? $BigInt(message.prevSeq) : $util.Long.fromBits(message.prevSeq.low >>> 0, message.prevSeq.high >>> 0, true).toBigInt();
                    else if (typeof message.prevSeq === "number")
                        object.prevSeq = options.longs === $String ? $String(message.prevSeq) : message.prevSeq;
                    else
                        object.prevSeq = options.longs === $String ? $util.Long.prototype.toString.call(message.prevSeq) : options.longs === $Number ? new $util.LongBits(message.prevSeq.low >>> 0, message.prevSeq.high >>> 0).toNumber(true) : message.prevSeq;
                if (message.changes && message.changes.length) {
                    object.changes = $Array(message.changes.length);
                    for (let j = 0; j < message.changes.length; ++j)
                        object.changes[j] = $root.kapita.v1.LevelChange.toObject(message.changes[j], options, _depth + 1);
                }
                if (message.timeNs != null && $Object.hasOwnProperty.call(message, "timeNs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.timeNs = typeof message.timeNs === "number" ? $BigInt(message.timeNs) : $util.Long.fromBits(message.timeNs.low >>> 0, message.timeNs.high >>> 0, true).toBigInt();
                    else if (typeof message.timeNs === "number")
                        object.timeNs = options.longs === $String ? $String(message.timeNs) : message.timeNs;
                    else
                        object.timeNs = options.longs === $String ? $util.Long.prototype.toString.call(message.timeNs) : options.longs === $Number ? new $util.LongBits(message.timeNs.low >>> 0, message.timeNs.high >>> 0).toNumber(true) : message.timeNs;
                return object;
            };

            BookUpdate.prototype.toJSON = function() {
                return BookUpdate.toObject(this, $protobuf.util.toJSONOptions);
            };

            return BookUpdate;
        })();

        v1.L3Update = (function() {

            const L3Update = function (properties) {
                this.changes = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            L3Update.prototype.symbol = "";
            L3Update.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            L3Update.prototype.prevSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            L3Update.prototype.changes = $util.emptyArray;

            L3Update.create = function(properties) {
                return new L3Update(properties);
            };

            L3Update.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol") && message.symbol !== "")
                    writer.uint32(10).string(message.symbol);
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(16).uint64(message.seq);
                if (message.prevSeq != null && $Object.hasOwnProperty.call(message, "prevSeq") && (typeof message.prevSeq === "object" ? message.prevSeq.low || message.prevSeq.high : message.prevSeq !== 0))
                    writer.uint32(24).uint64(message.prevSeq);
                if (message.changes != null && message.changes.length)
                    for (let i = 0; i < message.changes.length; ++i)
                        $root.kapita.v1.BookOrder.encode(message.changes[i], writer.uint32(34).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            L3Update.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.L3Update();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.symbol = value;
                            else
                                delete message.symbol;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.prevSeq = value;
                            else
                                delete message.prevSeq;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.changes && message.changes.length))
                                message.changes = [];
                            message.changes.push($root.kapita.v1.BookOrder.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            L3Update.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.L3Update)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.L3Update: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.L3Update();
                if (object.symbol != null)
                    if (typeof object.symbol !== "string" || object.symbol.length)
                        message.symbol = $String(object.symbol);
                if (object.seq != null)
                    if (typeof object.seq === "object" ? object.seq.low || object.seq.high : $Number(object.seq) !== 0)
                        if ($util.Long)
                            message.seq = $util.Long.fromValue(object.seq, true);
                        else if (typeof object.seq === "string")
                            message.seq = $parseInt(object.seq, 10);
                        else if (typeof object.seq === "number")
                            message.seq = object.seq;
                        else if (typeof object.seq === "object")
                            message.seq = new $util.LongBits(object.seq.low >>> 0, object.seq.high >>> 0).toNumber(true);
                if (object.prevSeq != null)
                    if (typeof object.prevSeq === "object" ? object.prevSeq.low || object.prevSeq.high : $Number(object.prevSeq) !== 0)
                        if ($util.Long)
                            message.prevSeq = $util.Long.fromValue(object.prevSeq, true);
                        else if (typeof object.prevSeq === "string")
                            message.prevSeq = $parseInt(object.prevSeq, 10);
                        else if (typeof object.prevSeq === "number")
                            message.prevSeq = object.prevSeq;
                        else if (typeof object.prevSeq === "object")
                            message.prevSeq = new $util.LongBits(object.prevSeq.low >>> 0, object.prevSeq.high >>> 0).toNumber(true);
                if (object.changes) {
                    if (!$Array.isArray(object.changes))
                        throw $TypeError(".kapita.v1.L3Update.changes: array expected");
                    message.changes = $Array(object.changes.length);
                    for (let i = 0; i < object.changes.length; ++i) {
                        if (!$util.isObject(object.changes[i]))
                            throw $TypeError(".kapita.v1.L3Update.changes: object expected");
                        message.changes[i] = $root.kapita.v1.BookOrder.fromObject(object.changes[i], _depth + 1);
                    }
                }
                return message;
            };

            L3Update.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.changes = [];
                if (options.defaults) {
                    object.symbol = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.seq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.seq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.prevSeq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.prevSeq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol"))
                    object.symbol = message.symbol;
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.seq = typeof message.seq === "number" ? $BigInt(message.seq) : $util.Long.fromBits(message.seq.low >>> 0, message.seq.high >>> 0, true).toBigInt();
                    else if (typeof message.seq === "number")
                        object.seq = options.longs === $String ? $String(message.seq) : message.seq;
                    else
                        object.seq = options.longs === $String ? $util.Long.prototype.toString.call(message.seq) : options.longs === $Number ? new $util.LongBits(message.seq.low >>> 0, message.seq.high >>> 0).toNumber(true) : message.seq;
                if (message.prevSeq != null && $Object.hasOwnProperty.call(message, "prevSeq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.prevSeq = typeof message.prevSeq === "number" ? $BigInt(message.prevSeq) : $util.Long.fromBits(message.prevSeq.low >>> 0, message.prevSeq.high >>> 0, true).toBigInt();
                    else if (typeof message.prevSeq === "number")
                        object.prevSeq = options.longs === $String ? $String(message.prevSeq) : message.prevSeq;
                    else
                        object.prevSeq = options.longs === $String ? $util.Long.prototype.toString.call(message.prevSeq) : options.longs === $Number ? new $util.LongBits(message.prevSeq.low >>> 0, message.prevSeq.high >>> 0).toNumber(true) : message.prevSeq;
                if (message.changes && message.changes.length) {
                    object.changes = $Array(message.changes.length);
                    for (let j = 0; j < message.changes.length; ++j)
                        object.changes[j] = $root.kapita.v1.BookOrder.toObject(message.changes[j], options, _depth + 1);
                }
                return object;
            };

            L3Update.prototype.toJSON = function() {
                return L3Update.toObject(this, $protobuf.util.toJSONOptions);
            };

            return L3Update;
        })();

        v1.TopOfBook = (function() {

            const TopOfBook = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            TopOfBook.prototype.symbol = "";
            TopOfBook.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            TopOfBook.prototype.bidPrice = "";
            TopOfBook.prototype.bidQuantity = "";
            TopOfBook.prototype.askPrice = "";
            TopOfBook.prototype.askQuantity = "";
            TopOfBook.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            TopOfBook.prototype.timeNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            TopOfBook.create = function(properties) {
                return new TopOfBook(properties);
            };

            TopOfBook.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol") && message.symbol !== "")
                    writer.uint32(10).string(message.symbol);
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(16).uint64(message.seq);
                if (message.bidPrice != null && $Object.hasOwnProperty.call(message, "bidPrice") && message.bidPrice !== "")
                    writer.uint32(26).string(message.bidPrice);
                if (message.bidQuantity != null && $Object.hasOwnProperty.call(message, "bidQuantity") && message.bidQuantity !== "")
                    writer.uint32(34).string(message.bidQuantity);
                if (message.askPrice != null && $Object.hasOwnProperty.call(message, "askPrice") && message.askPrice !== "")
                    writer.uint32(42).string(message.askPrice);
                if (message.askQuantity != null && $Object.hasOwnProperty.call(message, "askQuantity") && message.askQuantity !== "")
                    writer.uint32(50).string(message.askQuantity);
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && (typeof message.timeMs === "object" ? message.timeMs.low || message.timeMs.high : message.timeMs !== 0))
                    writer.uint32(56).int64(message.timeMs);
                if (message.timeNs != null && $Object.hasOwnProperty.call(message, "timeNs") && (typeof message.timeNs === "object" ? message.timeNs.low || message.timeNs.high : message.timeNs !== 0))
                    writer.uint32(64).uint64(message.timeNs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            TopOfBook.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.TopOfBook();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.symbol = value;
                            else
                                delete message.symbol;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.bidPrice = value;
                            else
                                delete message.bidPrice;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.bidQuantity = value;
                            else
                                delete message.bidQuantity;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.askPrice = value;
                            else
                                delete message.askPrice;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.askQuantity = value;
                            else
                                delete message.askQuantity;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.timeNs = value;
                            else
                                delete message.timeNs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            TopOfBook.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.TopOfBook)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.TopOfBook: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.TopOfBook();
                if (object.symbol != null)
                    if (typeof object.symbol !== "string" || object.symbol.length)
                        message.symbol = $String(object.symbol);
                if (object.seq != null)
                    if (typeof object.seq === "object" ? object.seq.low || object.seq.high : $Number(object.seq) !== 0)
                        if ($util.Long)
                            message.seq = $util.Long.fromValue(object.seq, true);
                        else if (typeof object.seq === "string")
                            message.seq = $parseInt(object.seq, 10);
                        else if (typeof object.seq === "number")
                            message.seq = object.seq;
                        else if (typeof object.seq === "object")
                            message.seq = new $util.LongBits(object.seq.low >>> 0, object.seq.high >>> 0).toNumber(true);
                if (object.bidPrice != null)
                    if (typeof object.bidPrice !== "string" || object.bidPrice.length)
                        message.bidPrice = $String(object.bidPrice);
                if (object.bidQuantity != null)
                    if (typeof object.bidQuantity !== "string" || object.bidQuantity.length)
                        message.bidQuantity = $String(object.bidQuantity);
                if (object.askPrice != null)
                    if (typeof object.askPrice !== "string" || object.askPrice.length)
                        message.askPrice = $String(object.askPrice);
                if (object.askQuantity != null)
                    if (typeof object.askQuantity !== "string" || object.askQuantity.length)
                        message.askQuantity = $String(object.askQuantity);
                if (object.timeMs != null)
                    if (typeof object.timeMs === "object" ? object.timeMs.low || object.timeMs.high : $Number(object.timeMs) !== 0)
                        if ($util.Long)
                            message.timeMs = $util.Long.fromValue(object.timeMs, false);
                        else if (typeof object.timeMs === "string")
                            message.timeMs = $parseInt(object.timeMs, 10);
                        else if (typeof object.timeMs === "number")
                            message.timeMs = object.timeMs;
                        else if (typeof object.timeMs === "object")
                            message.timeMs = new $util.LongBits(object.timeMs.low >>> 0, object.timeMs.high >>> 0).toNumber();
                if (object.timeNs != null)
                    if (typeof object.timeNs === "object" ? object.timeNs.low || object.timeNs.high : $Number(object.timeNs) !== 0)
                        if ($util.Long)
                            message.timeNs = $util.Long.fromValue(object.timeNs, true);
                        else if (typeof object.timeNs === "string")
                            message.timeNs = $parseInt(object.timeNs, 10);
                        else if (typeof object.timeNs === "number")
                            message.timeNs = object.timeNs;
                        else if (typeof object.timeNs === "object")
                            message.timeNs = new $util.LongBits(object.timeNs.low >>> 0, object.timeNs.high >>> 0).toNumber(true);
                return message;
            };

            TopOfBook.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.symbol = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.seq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.seq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.bidPrice = "";
                    object.bidQuantity = "";
                    object.askPrice = "";
                    object.askQuantity = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.timeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.timeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.timeNs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.timeNs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol"))
                    object.symbol = message.symbol;
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.seq = typeof message.seq === "number" ? $BigInt(message.seq) : $util.Long.fromBits(message.seq.low >>> 0, message.seq.high >>> 0, true).toBigInt();
                    else if (typeof message.seq === "number")
                        object.seq = options.longs === $String ? $String(message.seq) : message.seq;
                    else
                        object.seq = options.longs === $String ? $util.Long.prototype.toString.call(message.seq) : options.longs === $Number ? new $util.LongBits(message.seq.low >>> 0, message.seq.high >>> 0).toNumber(true) : message.seq;
                if (message.bidPrice != null && $Object.hasOwnProperty.call(message, "bidPrice"))
                    object.bidPrice = message.bidPrice;
                if (message.bidQuantity != null && $Object.hasOwnProperty.call(message, "bidQuantity"))
                    object.bidQuantity = message.bidQuantity;
                if (message.askPrice != null && $Object.hasOwnProperty.call(message, "askPrice"))
                    object.askPrice = message.askPrice;
                if (message.askQuantity != null && $Object.hasOwnProperty.call(message, "askQuantity"))
                    object.askQuantity = message.askQuantity;
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.timeMs = typeof message.timeMs === "number" ? $BigInt(message.timeMs) : $util.Long.fromBits(message.timeMs.low >>> 0, message.timeMs.high >>> 0, false).toBigInt();
                    else if (typeof message.timeMs === "number")
                        object.timeMs = options.longs === $String ? $String(message.timeMs) : message.timeMs;
                    else
                        object.timeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.timeMs) : options.longs === $Number ? new $util.LongBits(message.timeMs.low >>> 0, message.timeMs.high >>> 0).toNumber() : message.timeMs;
                if (message.timeNs != null && $Object.hasOwnProperty.call(message, "timeNs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.timeNs = typeof message.timeNs === "number" ? $BigInt(message.timeNs) : $util.Long.fromBits(message.timeNs.low >>> 0, message.timeNs.high >>> 0, true).toBigInt();
                    else if (typeof message.timeNs === "number")
                        object.timeNs = options.longs === $String ? $String(message.timeNs) : message.timeNs;
                    else
                        object.timeNs = options.longs === $String ? $util.Long.prototype.toString.call(message.timeNs) : options.longs === $Number ? new $util.LongBits(message.timeNs.low >>> 0, message.timeNs.high >>> 0).toNumber(true) : message.timeNs;
                return object;
            };

            TopOfBook.prototype.toJSON = function() {
                return TopOfBook.toObject(this, $protobuf.util.toJSONOptions);
            };

            return TopOfBook;
        })();

        v1.Trade = (function() {

            const Trade = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Trade.prototype.symbol = "";
            Trade.prototype.tradeId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Trade.prototype.price = "";
            Trade.prototype.quantity = "";
            Trade.prototype.side = 0;
            Trade.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Trade.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            Trade.prototype.timeNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            Trade.create = function(properties) {
                return new Trade(properties);
            };

            Trade.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol") && message.symbol !== "")
                    writer.uint32(10).string(message.symbol);
                if (message.tradeId != null && $Object.hasOwnProperty.call(message, "tradeId") && (typeof message.tradeId === "object" ? message.tradeId.low || message.tradeId.high : message.tradeId !== 0))
                    writer.uint32(16).uint64(message.tradeId);
                if (message.price != null && $Object.hasOwnProperty.call(message, "price") && message.price !== "")
                    writer.uint32(26).string(message.price);
                if (message.quantity != null && $Object.hasOwnProperty.call(message, "quantity") && message.quantity !== "")
                    writer.uint32(34).string(message.quantity);
                if (message.side != null && $Object.hasOwnProperty.call(message, "side") && message.side !== 0)
                    writer.uint32(40).int32(message.side);
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(48).uint64(message.seq);
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && (typeof message.timeMs === "object" ? message.timeMs.low || message.timeMs.high : message.timeMs !== 0))
                    writer.uint32(56).int64(message.timeMs);
                if (message.timeNs != null && $Object.hasOwnProperty.call(message, "timeNs") && (typeof message.timeNs === "object" ? message.timeNs.low || message.timeNs.high : message.timeNs !== 0))
                    writer.uint32(64).uint64(message.timeNs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Trade.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.Trade();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.symbol = value;
                            else
                                delete message.symbol;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.tradeId = value;
                            else
                                delete message.tradeId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.price = value;
                            else
                                delete message.price;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.quantity = value;
                            else
                                delete message.quantity;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.side = value;
                            else
                                delete message.side;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.timeNs = value;
                            else
                                delete message.timeNs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Trade.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.Trade)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.Trade: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.Trade();
                if (object.symbol != null)
                    if (typeof object.symbol !== "string" || object.symbol.length)
                        message.symbol = $String(object.symbol);
                if (object.tradeId != null)
                    if (typeof object.tradeId === "object" ? object.tradeId.low || object.tradeId.high : $Number(object.tradeId) !== 0)
                        if ($util.Long)
                            message.tradeId = $util.Long.fromValue(object.tradeId, true);
                        else if (typeof object.tradeId === "string")
                            message.tradeId = $parseInt(object.tradeId, 10);
                        else if (typeof object.tradeId === "number")
                            message.tradeId = object.tradeId;
                        else if (typeof object.tradeId === "object")
                            message.tradeId = new $util.LongBits(object.tradeId.low >>> 0, object.tradeId.high >>> 0).toNumber(true);
                if (object.price != null)
                    if (typeof object.price !== "string" || object.price.length)
                        message.price = $String(object.price);
                if (object.quantity != null)
                    if (typeof object.quantity !== "string" || object.quantity.length)
                        message.quantity = $String(object.quantity);
                if (object.side !== 0 && (typeof object.side !== "string" || $root.kapita.v1.Side[object.side] !== 0))
                    switch (object.side) {
                    case "SIDE_UNSPECIFIED":
                    case 0:
                        message.side = 0;
                        break;
                    case "SIDE_BUY":
                    case 1:
                        message.side = 1;
                        break;
                    case "SIDE_SELL":
                    case 2:
                        message.side = 2;
                        break;
                    default:
                        if (typeof object.side === "number" && (object.side | 0) === object.side)
                            message.side = object.side;
                    }
                if (object.seq != null)
                    if (typeof object.seq === "object" ? object.seq.low || object.seq.high : $Number(object.seq) !== 0)
                        if ($util.Long)
                            message.seq = $util.Long.fromValue(object.seq, true);
                        else if (typeof object.seq === "string")
                            message.seq = $parseInt(object.seq, 10);
                        else if (typeof object.seq === "number")
                            message.seq = object.seq;
                        else if (typeof object.seq === "object")
                            message.seq = new $util.LongBits(object.seq.low >>> 0, object.seq.high >>> 0).toNumber(true);
                if (object.timeMs != null)
                    if (typeof object.timeMs === "object" ? object.timeMs.low || object.timeMs.high : $Number(object.timeMs) !== 0)
                        if ($util.Long)
                            message.timeMs = $util.Long.fromValue(object.timeMs, false);
                        else if (typeof object.timeMs === "string")
                            message.timeMs = $parseInt(object.timeMs, 10);
                        else if (typeof object.timeMs === "number")
                            message.timeMs = object.timeMs;
                        else if (typeof object.timeMs === "object")
                            message.timeMs = new $util.LongBits(object.timeMs.low >>> 0, object.timeMs.high >>> 0).toNumber();
                if (object.timeNs != null)
                    if (typeof object.timeNs === "object" ? object.timeNs.low || object.timeNs.high : $Number(object.timeNs) !== 0)
                        if ($util.Long)
                            message.timeNs = $util.Long.fromValue(object.timeNs, true);
                        else if (typeof object.timeNs === "string")
                            message.timeNs = $parseInt(object.timeNs, 10);
                        else if (typeof object.timeNs === "number")
                            message.timeNs = object.timeNs;
                        else if (typeof object.timeNs === "object")
                            message.timeNs = new $util.LongBits(object.timeNs.low >>> 0, object.timeNs.high >>> 0).toNumber(true);
                return message;
            };

            Trade.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.symbol = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.tradeId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.tradeId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.price = "";
                    object.quantity = "";
                    object.side = options.enums === $String ? "SIDE_UNSPECIFIED" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.seq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.seq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.timeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.timeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.timeNs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.timeNs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol"))
                    object.symbol = message.symbol;
                if (message.tradeId != null && $Object.hasOwnProperty.call(message, "tradeId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.tradeId = typeof message.tradeId === "number" ? $BigInt(message.tradeId) : $util.Long.fromBits(message.tradeId.low >>> 0, message.tradeId.high >>> 0, true).toBigInt();
                    else if (typeof message.tradeId === "number")
                        object.tradeId = options.longs === $String ? $String(message.tradeId) : message.tradeId;
                    else
                        object.tradeId = options.longs === $String ? $util.Long.prototype.toString.call(message.tradeId) : options.longs === $Number ? new $util.LongBits(message.tradeId.low >>> 0, message.tradeId.high >>> 0).toNumber(true) : message.tradeId;
                if (message.price != null && $Object.hasOwnProperty.call(message, "price"))
                    object.price = message.price;
                if (message.quantity != null && $Object.hasOwnProperty.call(message, "quantity"))
                    object.quantity = message.quantity;
                if (message.side != null && $Object.hasOwnProperty.call(message, "side"))
                    object.side = options.enums === $String ? $root.kapita.v1.Side[message.side] === $undefined ? message.side : $root.kapita.v1.Side[message.side] : message.side;
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.seq = typeof message.seq === "number" ? $BigInt(message.seq) : $util.Long.fromBits(message.seq.low >>> 0, message.seq.high >>> 0, true).toBigInt();
                    else if (typeof message.seq === "number")
                        object.seq = options.longs === $String ? $String(message.seq) : message.seq;
                    else
                        object.seq = options.longs === $String ? $util.Long.prototype.toString.call(message.seq) : options.longs === $Number ? new $util.LongBits(message.seq.low >>> 0, message.seq.high >>> 0).toNumber(true) : message.seq;
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.timeMs = typeof message.timeMs === "number" ? $BigInt(message.timeMs) : $util.Long.fromBits(message.timeMs.low >>> 0, message.timeMs.high >>> 0, false).toBigInt();
                    else if (typeof message.timeMs === "number")
                        object.timeMs = options.longs === $String ? $String(message.timeMs) : message.timeMs;
                    else
                        object.timeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.timeMs) : options.longs === $Number ? new $util.LongBits(message.timeMs.low >>> 0, message.timeMs.high >>> 0).toNumber() : message.timeMs;
                if (message.timeNs != null && $Object.hasOwnProperty.call(message, "timeNs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.timeNs = typeof message.timeNs === "number" ? $BigInt(message.timeNs) : $util.Long.fromBits(message.timeNs.low >>> 0, message.timeNs.high >>> 0, true).toBigInt();
                    else if (typeof message.timeNs === "number")
                        object.timeNs = options.longs === $String ? $String(message.timeNs) : message.timeNs;
                    else
                        object.timeNs = options.longs === $String ? $util.Long.prototype.toString.call(message.timeNs) : options.longs === $Number ? new $util.LongBits(message.timeNs.low >>> 0, message.timeNs.high >>> 0).toNumber(true) : message.timeNs;
                return object;
            };

            Trade.prototype.toJSON = function() {
                return Trade.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Trade;
        })();

        v1.Candle = (function() {

            const Candle = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Candle.prototype.symbol = "";
            Candle.prototype.interval = 0;
            Candle.prototype.startMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            Candle.prototype.open = "";
            Candle.prototype.high = "";
            Candle.prototype.low = "";
            Candle.prototype.close = "";
            Candle.prototype.volume = "";
            Candle.prototype.trades = 0;
            Candle.prototype.closed = false;
            Candle.prototype.startNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            Candle.create = function(properties) {
                return new Candle(properties);
            };

            Candle.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol") && message.symbol !== "")
                    writer.uint32(10).string(message.symbol);
                if (message.interval != null && $Object.hasOwnProperty.call(message, "interval") && message.interval !== 0)
                    writer.uint32(16).int32(message.interval);
                if (message.startMs != null && $Object.hasOwnProperty.call(message, "startMs") && (typeof message.startMs === "object" ? message.startMs.low || message.startMs.high : message.startMs !== 0))
                    writer.uint32(24).int64(message.startMs);
                if (message.open != null && $Object.hasOwnProperty.call(message, "open") && message.open !== "")
                    writer.uint32(34).string(message.open);
                if (message.high != null && $Object.hasOwnProperty.call(message, "high") && message.high !== "")
                    writer.uint32(42).string(message.high);
                if (message.low != null && $Object.hasOwnProperty.call(message, "low") && message.low !== "")
                    writer.uint32(50).string(message.low);
                if (message.close != null && $Object.hasOwnProperty.call(message, "close") && message.close !== "")
                    writer.uint32(58).string(message.close);
                if (message.volume != null && $Object.hasOwnProperty.call(message, "volume") && message.volume !== "")
                    writer.uint32(66).string(message.volume);
                if (message.trades != null && $Object.hasOwnProperty.call(message, "trades") && message.trades !== 0)
                    writer.uint32(72).uint32(message.trades);
                if (message.closed != null && $Object.hasOwnProperty.call(message, "closed") && message.closed !== false)
                    writer.uint32(80).bool(message.closed);
                if (message.startNs != null && $Object.hasOwnProperty.call(message, "startNs") && (typeof message.startNs === "object" ? message.startNs.low || message.startNs.high : message.startNs !== 0))
                    writer.uint32(88).uint64(message.startNs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Candle.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.Candle();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.symbol = value;
                            else
                                delete message.symbol;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.interval = value;
                            else
                                delete message.interval;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.startMs = value;
                            else
                                delete message.startMs;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.open = value;
                            else
                                delete message.open;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.high = value;
                            else
                                delete message.high;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.low = value;
                            else
                                delete message.low;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.close = value;
                            else
                                delete message.close;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.volume = value;
                            else
                                delete message.volume;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.trades = value;
                            else
                                delete message.trades;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.closed = value;
                            else
                                delete message.closed;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.startNs = value;
                            else
                                delete message.startNs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Candle.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.Candle)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.Candle: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.Candle();
                if (object.symbol != null)
                    if (typeof object.symbol !== "string" || object.symbol.length)
                        message.symbol = $String(object.symbol);
                if (object.interval !== 0 && (typeof object.interval !== "string" || $root.kapita.v1.CandleInterval[object.interval] !== 0))
                    switch (object.interval) {
                    case "CANDLE_INTERVAL_UNSPECIFIED":
                    case 0:
                        message.interval = 0;
                        break;
                    case "CANDLE_INTERVAL_1M":
                    case 1:
                        message.interval = 1;
                        break;
                    case "CANDLE_INTERVAL_5M":
                    case 2:
                        message.interval = 2;
                        break;
                    case "CANDLE_INTERVAL_15M":
                    case 3:
                        message.interval = 3;
                        break;
                    case "CANDLE_INTERVAL_1H":
                    case 4:
                        message.interval = 4;
                        break;
                    case "CANDLE_INTERVAL_4H":
                    case 5:
                        message.interval = 5;
                        break;
                    case "CANDLE_INTERVAL_1D":
                    case 6:
                        message.interval = 6;
                        break;
                    default:
                        if (typeof object.interval === "number" && (object.interval | 0) === object.interval)
                            message.interval = object.interval;
                    }
                if (object.startMs != null)
                    if (typeof object.startMs === "object" ? object.startMs.low || object.startMs.high : $Number(object.startMs) !== 0)
                        if ($util.Long)
                            message.startMs = $util.Long.fromValue(object.startMs, false);
                        else if (typeof object.startMs === "string")
                            message.startMs = $parseInt(object.startMs, 10);
                        else if (typeof object.startMs === "number")
                            message.startMs = object.startMs;
                        else if (typeof object.startMs === "object")
                            message.startMs = new $util.LongBits(object.startMs.low >>> 0, object.startMs.high >>> 0).toNumber();
                if (object.open != null)
                    if (typeof object.open !== "string" || object.open.length)
                        message.open = $String(object.open);
                if (object.high != null)
                    if (typeof object.high !== "string" || object.high.length)
                        message.high = $String(object.high);
                if (object.low != null)
                    if (typeof object.low !== "string" || object.low.length)
                        message.low = $String(object.low);
                if (object.close != null)
                    if (typeof object.close !== "string" || object.close.length)
                        message.close = $String(object.close);
                if (object.volume != null)
                    if (typeof object.volume !== "string" || object.volume.length)
                        message.volume = $String(object.volume);
                if (object.trades != null)
                    if ($Number(object.trades) !== 0)
                        message.trades = object.trades >>> 0;
                if (object.closed != null)
                    if (object.closed)
                        message.closed = $Boolean(object.closed);
                if (object.startNs != null)
                    if (typeof object.startNs === "object" ? object.startNs.low || object.startNs.high : $Number(object.startNs) !== 0)
                        if ($util.Long)
                            message.startNs = $util.Long.fromValue(object.startNs, true);
                        else if (typeof object.startNs === "string")
                            message.startNs = $parseInt(object.startNs, 10);
                        else if (typeof object.startNs === "number")
                            message.startNs = object.startNs;
                        else if (typeof object.startNs === "object")
                            message.startNs = new $util.LongBits(object.startNs.low >>> 0, object.startNs.high >>> 0).toNumber(true);
                return message;
            };

            Candle.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.symbol = "";
                    object.interval = options.enums === $String ? "CANDLE_INTERVAL_UNSPECIFIED" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.startMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.startMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.open = "";
                    object.high = "";
                    object.low = "";
                    object.close = "";
                    object.volume = "";
                    object.trades = 0;
                    object.closed = false;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.startNs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.startNs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.symbol != null && $Object.hasOwnProperty.call(message, "symbol"))
                    object.symbol = message.symbol;
                if (message.interval != null && $Object.hasOwnProperty.call(message, "interval"))
                    object.interval = options.enums === $String ? $root.kapita.v1.CandleInterval[message.interval] === $undefined ? message.interval : $root.kapita.v1.CandleInterval[message.interval] : message.interval;
                if (message.startMs != null && $Object.hasOwnProperty.call(message, "startMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.startMs = typeof message.startMs === "number" ? $BigInt(message.startMs) : $util.Long.fromBits(message.startMs.low >>> 0, message.startMs.high >>> 0, false).toBigInt();
                    else if (typeof message.startMs === "number")
                        object.startMs = options.longs === $String ? $String(message.startMs) : message.startMs;
                    else
                        object.startMs = options.longs === $String ? $util.Long.prototype.toString.call(message.startMs) : options.longs === $Number ? new $util.LongBits(message.startMs.low >>> 0, message.startMs.high >>> 0).toNumber() : message.startMs;
                if (message.open != null && $Object.hasOwnProperty.call(message, "open"))
                    object.open = message.open;
                if (message.high != null && $Object.hasOwnProperty.call(message, "high"))
                    object.high = message.high;
                if (message.low != null && $Object.hasOwnProperty.call(message, "low"))
                    object.low = message.low;
                if (message.close != null && $Object.hasOwnProperty.call(message, "close"))
                    object.close = message.close;
                if (message.volume != null && $Object.hasOwnProperty.call(message, "volume"))
                    object.volume = message.volume;
                if (message.trades != null && $Object.hasOwnProperty.call(message, "trades"))
                    object.trades = message.trades;
                if (message.closed != null && $Object.hasOwnProperty.call(message, "closed"))
                    object.closed = message.closed;
                if (message.startNs != null && $Object.hasOwnProperty.call(message, "startNs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.startNs = typeof message.startNs === "number" ? $BigInt(message.startNs) : $util.Long.fromBits(message.startNs.low >>> 0, message.startNs.high >>> 0, true).toBigInt();
                    else if (typeof message.startNs === "number")
                        object.startNs = options.longs === $String ? $String(message.startNs) : message.startNs;
                    else
                        object.startNs = options.longs === $String ? $util.Long.prototype.toString.call(message.startNs) : options.longs === $Number ? new $util.LongBits(message.startNs.low >>> 0, message.startNs.high >>> 0).toNumber(true) : message.startNs;
                return object;
            };

            Candle.prototype.toJSON = function() {
                return Candle.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Candle;
        })();

        v1.Balance = (function() {

            const Balance = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Balance.prototype.asset = "";
            Balance.prototype.total = "";
            Balance.prototype.held = "";
            Balance.prototype.available = "";

            Balance.create = function(properties) {
                return new Balance(properties);
            };

            Balance.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.asset != null && $Object.hasOwnProperty.call(message, "asset") && message.asset !== "")
                    writer.uint32(10).string(message.asset);
                if (message.total != null && $Object.hasOwnProperty.call(message, "total") && message.total !== "")
                    writer.uint32(18).string(message.total);
                if (message.held != null && $Object.hasOwnProperty.call(message, "held") && message.held !== "")
                    writer.uint32(26).string(message.held);
                if (message.available != null && $Object.hasOwnProperty.call(message, "available") && message.available !== "")
                    writer.uint32(34).string(message.available);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Balance.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.Balance();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.asset = value;
                            else
                                delete message.asset;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.total = value;
                            else
                                delete message.total;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.held = value;
                            else
                                delete message.held;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.available = value;
                            else
                                delete message.available;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Balance.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.Balance)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.Balance: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.Balance();
                if (object.asset != null)
                    if (typeof object.asset !== "string" || object.asset.length)
                        message.asset = $String(object.asset);
                if (object.total != null)
                    if (typeof object.total !== "string" || object.total.length)
                        message.total = $String(object.total);
                if (object.held != null)
                    if (typeof object.held !== "string" || object.held.length)
                        message.held = $String(object.held);
                if (object.available != null)
                    if (typeof object.available !== "string" || object.available.length)
                        message.available = $String(object.available);
                return message;
            };

            Balance.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.asset = "";
                    object.total = "";
                    object.held = "";
                    object.available = "";
                }
                if (message.asset != null && $Object.hasOwnProperty.call(message, "asset"))
                    object.asset = message.asset;
                if (message.total != null && $Object.hasOwnProperty.call(message, "total"))
                    object.total = message.total;
                if (message.held != null && $Object.hasOwnProperty.call(message, "held"))
                    object.held = message.held;
                if (message.available != null && $Object.hasOwnProperty.call(message, "available"))
                    object.available = message.available;
                return object;
            };

            Balance.prototype.toJSON = function() {
                return Balance.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Balance;
        })();

        v1.BalanceUpdate = (function() {

            const BalanceUpdate = function (properties) {
                this.balances = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            BalanceUpdate.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            BalanceUpdate.prototype.balances = $util.emptyArray;

            BalanceUpdate.create = function(properties) {
                return new BalanceUpdate(properties);
            };

            BalanceUpdate.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(8).uint64(message.seq);
                if (message.balances != null && message.balances.length)
                    for (let i = 0; i < message.balances.length; ++i)
                        $root.kapita.v1.Balance.encode(message.balances[i], writer.uint32(18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            BalanceUpdate.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.kapita.v1.BalanceUpdate();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.balances && message.balances.length))
                                message.balances = [];
                            message.balances.push($root.kapita.v1.Balance.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            BalanceUpdate.fromObject = function (object, _depth) {
                if (object instanceof $root.kapita.v1.BalanceUpdate)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".kapita.v1.BalanceUpdate: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.kapita.v1.BalanceUpdate();
                if (object.seq != null)
                    if (typeof object.seq === "object" ? object.seq.low || object.seq.high : $Number(object.seq) !== 0)
                        if ($util.Long)
                            message.seq = $util.Long.fromValue(object.seq, true);
                        else if (typeof object.seq === "string")
                            message.seq = $parseInt(object.seq, 10);
                        else if (typeof object.seq === "number")
                            message.seq = object.seq;
                        else if (typeof object.seq === "object")
                            message.seq = new $util.LongBits(object.seq.low >>> 0, object.seq.high >>> 0).toNumber(true);
                if (object.balances) {
                    if (!$Array.isArray(object.balances))
                        throw $TypeError(".kapita.v1.BalanceUpdate.balances: array expected");
                    message.balances = $Array(object.balances.length);
                    for (let i = 0; i < object.balances.length; ++i) {
                        if (!$util.isObject(object.balances[i]))
                            throw $TypeError(".kapita.v1.BalanceUpdate.balances: object expected");
                        message.balances[i] = $root.kapita.v1.Balance.fromObject(object.balances[i], _depth + 1);
                    }
                }
                return message;
            };

            BalanceUpdate.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.balances = [];
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.seq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.seq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.seq = typeof message.seq === "number" ? $BigInt(message.seq) : $util.Long.fromBits(message.seq.low >>> 0, message.seq.high >>> 0, true).toBigInt();
                    else if (typeof message.seq === "number")
                        object.seq = options.longs === $String ? $String(message.seq) : message.seq;
                    else
                        object.seq = options.longs === $String ? $util.Long.prototype.toString.call(message.seq) : options.longs === $Number ? new $util.LongBits(message.seq.low >>> 0, message.seq.high >>> 0).toNumber(true) : message.seq;
                if (message.balances && message.balances.length) {
                    object.balances = $Array(message.balances.length);
                    for (let j = 0; j < message.balances.length; ++j)
                        object.balances[j] = $root.kapita.v1.Balance.toObject(message.balances[j], options, _depth + 1);
                }
                return object;
            };

            BalanceUpdate.prototype.toJSON = function() {
                return BalanceUpdate.toObject(this, $protobuf.util.toJSONOptions);
            };

            return BalanceUpdate;
        })();

        return v1;
    })();

    return kapita;
})();

export {
  $root as default
};
