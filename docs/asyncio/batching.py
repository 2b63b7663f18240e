"""A timer that falls due while the loop is held, in real asyncio.

Run: python3 docs/asyncio/batching.py
X holds the loop for 50 ms (time.sleep) while T falls due at 10 ms; X and Y then yield once more.
asyncio prints:                                      X1 Y1 X2 Y2 T
SimLoop, LoopModel.Asyncio prints the same; LoopModel.Default prints X1 Y1 X2 T Y2.
Either of asyncio's traits alone gives asyncio's order here: its batches (T's timer is moved only when the pass
that holds Y2 has ended) or its two-hop wake-up (T's handle only sets the sleep's future; T itself is queued
behind Y2). Over 500 generated programs the two-hop wake-up explains most differences and batching alone one
(docs/architecture.md, "The two loop models"); AsyncioDifferenceExamples pins this workload in both models.
"""
import asyncio
import time

log = []

async def timer():
    await asyncio.sleep(0.010)
    log.append("T")

async def x():
    log.append("X1")
    time.sleep(0.050)          # blocks the loop: T falls due meanwhile
    await asyncio.sleep(0)
    log.append("X2")

async def y():
    log.append("Y1")
    await asyncio.sleep(0)
    log.append("Y2")

async def main():
    t = asyncio.create_task(timer())
    await asyncio.sleep(0)     # let the timer task start sleeping first
    await asyncio.gather(asyncio.create_task(x()), asyncio.create_task(y()), t)

asyncio.run(main())
print(" ".join(log))
