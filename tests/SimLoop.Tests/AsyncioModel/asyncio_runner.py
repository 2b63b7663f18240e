#!/usr/bin/env python3
"""Runs generated programs on CPython's own, unmodified asyncio with a virtual clock.

Input: one program per line of stdin, as JSON: {"id": 7, "tasks": [["spawn 1", "sleep 5", "await 1"], ["cpu 3"]]}
(task 0 is main, task k is "tK"). Output: a first line {"python": version}, then one JSON line per program:
{"id", "log", "elapsed", "outcome"}.
Stdlib only. Used by AsyncioCrossCheckTests; runs by hand too:
    echo '{"id":0,"tasks":[["spawn 1","yield","await 1"],["sleep 5"]]}' | python3 asyncio_runner.py

The clock: a SelectorEventLoop whose time() returns a virtual clock (1.0 = one millisecond, so every value is a
whole number and float arithmetic is exact) and whose selector, instead of waiting, advances the clock by the
timeout _run_once asks for. CPU and blocking sections advance the clock synchronously, as time.sleep would hold
the loop. Nothing in asyncio's scheduling is replaced: _run_once, Task.__step/__wakeup, futures and the timer
heap run as shipped.

Timers due at the same instant: asyncio's heap compares due times only, so on an exact virtual clock ties would
come out in heap order (call_later documents their order as undefined). On a real clock a timer created later
reads the clock later and so is due later: real asyncio fires same-delay timers in creation order. The loop
below keeps that real-clock order by giving each due time its creation number as a tie-break, and nothing else
(--heap-ties turns it off, to measure what heap order changes).
"""
import asyncio
import json
import selectors
import sys


class Deadlock(Exception):
    """Nothing is ready and no timer is pending: a real loop would wait forever."""


class Boom(Exception):
    """The deliberate exception of a 'throw' op; its message is the task's name."""


class Clock:
    def __init__(self):
        self.now = 0


class VirtualSelector(selectors.SelectSelector):
    def __init__(self, clock):
        super().__init__()
        self._clock = clock

    def select(self, timeout=None):
        if timeout is None:
            raise Deadlock()
        self._clock.now += timeout
        return []


class DueTime(float):
    """A due time that a later-created timer loses on a tie, as on a real clock; compares as a float otherwise."""

    def __new__(cls, value, sequence):
        due = float.__new__(cls, value)
        due.sequence = sequence
        return due

    def __lt__(self, other):
        if isinstance(other, DueTime) and float(self) == float(other):
            return self.sequence < other.sequence
        return float.__lt__(self, other)


class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self, clock, heap_ties):
        super().__init__(VirtualSelector(clock))
        self._clock = clock
        self._heap_ties = heap_ties
        self._timers_created = 0
        self.set_exception_handler(lambda loop, context: None)

    def time(self):
        return float(self._clock.now)

    def call_at(self, when, callback, *args, context=None):
        if not self._heap_ties:
            self._timers_created += 1
            when = DueTime(when, self._timers_created)
        return super().call_at(when, callback, *args, context=context)


def run_program(program, heap_ties=False):
    clock = Clock()
    log = []
    ops = program["tasks"]
    tasks = {}
    futures = {}

    def future(key):
        if key not in futures:
            futures[key] = asyncio.get_running_loop().create_future()
        return futures[key]

    async def body(index):
        name = "main" if index == 0 else f"t{index}"

        def say(text):
            assert clock.now == int(clock.now), clock.now
            log.append(f"{int(clock.now)} {name} {text}")

        say("start")
        for op in ops[index]:
            kind, _, arg = op.partition(" ")
            if kind == "spawn":
                tasks[int(arg)] = asyncio.get_running_loop().create_task(body(int(arg)))
                say(f"spawn t{arg}")
            elif kind == "await":
                if int(arg) not in tasks:
                    say(f"await t{arg} unspawned")
                    continue
                try:
                    await tasks[int(arg)]
                    say(f"await t{arg} ok")
                except Exception:
                    say(f"await t{arg} err")
            elif kind == "yield":
                await asyncio.sleep(0)
                say("yield")
            elif kind in ("sleep", "tsleep"):
                await asyncio.sleep(int(arg))
                say(f"slept {arg}")
            elif kind in ("cpu", "block"):
                clock.now += int(arg)
                say(f"{kind} {arg}")
            elif kind == "set":
                future(arg).set_result(None)
                say(f"set f{arg}")
            elif kind == "wait":
                await future(arg)
                say(f"got f{arg}")
            elif kind == "throw":
                say("throw")
                raise Boom(name)
            elif kind == "hang":
                say("hang")
                await asyncio.get_running_loop().create_future()
            else:
                raise ValueError(f"unknown op {op!r}")
        say("end")

    with asyncio.Runner(loop_factory=lambda: VirtualLoop(clock, heap_ties)) as runner:
        try:
            runner.run(body(0))
            outcome = "ok"
        except Deadlock:
            outcome = "deadlock"
        except Boom as boom:
            outcome = f"exception {boom}"
        elapsed = clock.now
    return {"id": program["id"], "log": log, "elapsed": int(elapsed), "outcome": outcome}


def main():
    if sys.version_info < (3, 11):
        sys.exit(f"asyncio_runner.py needs Python 3.11 or later (asyncio.Runner); this is {sys.version.split()[0]}.")
    heap_ties = "--heap-ties" in sys.argv[1:]
    print(json.dumps({"python": sys.version.split()[0]}))
    for line in sys.stdin:
        if line.strip():
            print(json.dumps(run_program(json.loads(line), heap_ties)), flush=False)


if __name__ == "__main__":
    main()
