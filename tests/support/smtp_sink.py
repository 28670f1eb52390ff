#!/usr/bin/python3
"""A real SMTP server on loopback for tests (Debian's python3-aiosmtpd).

    /usr/bin/python3 tests/support/smtp_sink.py DIR [PORT]

Writes each message it accepts to DIR/NNNN.eml (atomically) and prints "ready PORT" once it
listens. Recipients whose address starts with "reject" get "550 No such user" (a permanent
refusal). Stops on SIGTERM or SIGINT.
"""
import itertools
import os
import signal
import socket
import sys
import threading

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder: str):
        self.folder = folder
        self.numbers = itertools.count(1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().startswith("reject"):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        n = next(self.numbers)
        tmp = os.path.join(self.folder, f".{n:04d}.tmp")
        with open(tmp, "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(tmp, os.path.join(self.folder, f"{n:04d}.eml"))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    folder = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 else free_port()
    os.makedirs(folder, exist_ok=True)
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print(f"ready {port}", flush=True)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    # Wait in short steps: a signal that lands on the SMTP server's thread does not wake a main thread blocked in
    # an endless wait, and Python runs signal handlers only on the main thread.
    while not done.wait(0.1):
        pass
    controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
