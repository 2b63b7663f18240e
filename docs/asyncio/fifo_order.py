"""The FIFO-order workload of tests/SimLoop.Tests/Loop/FifoOrderTests.cs, in real asyncio.

Run: python3 docs/asyncio/fifo_order.py
Due times are kept apart (5, 10, 12, 20 ms) so real-time jitter cannot reorder timers; asyncio breaks ties
between timers due at the same instant by heap position, SimLoop by creation order (tested separately).
"""
import asyncio

log = []

async def a():
    log.append("A1"); await asyncio.sleep(0)
    log.append("A2"); await asyncio.sleep(0.020)
    log.append("A3")

async def b():
    log.append("B1"); await asyncio.sleep(0.010)
    log.append("B2"); await asyncio.sleep(0)
    log.append("B3")

async def c():
    log.append("C1"); await asyncio.sleep(0.005)
    log.append("C2"); await asyncio.sleep(0.007)
    log.append("C3")

async def d():
    log.append("D1"); await asyncio.sleep(0)
    log.append("D2"); await asyncio.sleep(0)
    log.append("D3")

async def main():
    tasks = [asyncio.create_task(f()) for f in (a, b, c, d)]
    await asyncio.gather(*tasks)

asyncio.run(main())
print(" ".join(log))
