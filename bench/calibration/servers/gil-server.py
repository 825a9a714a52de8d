"""A CPU-bound Python server, with threads or with processes.

Each request computes for 20 ms of its thread's CPU time in pure Python, then answers and closes.
  threads <n>: one process, n threads each blocking in accept() on the shared socket; the GIL
               lets only one of them run Python at a time.
  prefork <n>: n forked processes, each with its own interpreter and GIL, accepting on the
               socket the parent opened (Gunicorn's sync workers).

  python3 gil-server.py <port> threads|prefork <n>     prints "listening <port>" once bound
"""
import os
import signal
import socket
import sys
import threading
import time

REPLY = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"


def compute(seconds):
    until = time.thread_time() + seconds
    x = 1
    while time.thread_time() < until:
        for _ in range(200):
            x = (x * 1103515245 + 12345) & 0x7FFFFFFF
    return x


def serve(listener):
    while True:
        conn, _ = listener.accept()
        with conn:
            if conn.recv(4096):
                compute(0.020)
                conn.sendall(REPLY)


def main():
    port, mode, n = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen(1024)
    if mode == "threads":
        for _ in range(n):
            threading.Thread(target=serve, args=(listener,), daemon=True).start()
    else:
        children = []
        for _ in range(n):
            pid = os.fork()
            if pid == 0:
                serve(listener)  # a worker never returns
            children.append(pid)

        def stop(*_):
            for pid in children:
                os.kill(pid, signal.SIGKILL)
            sys.exit(0)

        signal.signal(signal.SIGTERM, stop)
    print(f"listening {listener.getsockname()[1]}", flush=True)
    while True:
        time.sleep(3600)


main()
