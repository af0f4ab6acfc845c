package com.tradingcontrol.api.ws;

/** One connected client as the hub sees it. {@link #send} must not block (it runs under the hub's lock). */
public interface PushSink {
    void send(String json);
}
