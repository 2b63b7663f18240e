"""Where SimLoop's FIFO order and asyncio's differ: asyncio moves due timers only between batches.

Run: python3 docs/asyncio/batching.py
X holds the loop for 50 ms (time.sleep) while T falls due at 10 ms; X and Y then yield once more.
SimLoop (timers moved before every step) prints:  X1 Y1 X2 T Y2
asyncio (timers moved between batches) prints:    X1 Y1 X2 Y2 T
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
