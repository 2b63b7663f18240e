namespace SimLoop.Tests.AsyncioModel;

/// <summary>
/// The examples of docs/architecture.md ("The two loop models"): each a four-line program whose order CPython's
/// asyncio (through asyncio_runner.py), LoopModel.Asyncio and LoopModel.Default print as the docs say. Only the
/// spawned tasks' lines are compared (main spawns them and awaits them; the rest is the same everywhere).
/// </summary>
[TestFixture]
public sealed class AsyncioDifferenceExamples
{
    [Test]
    public void Two_hops_a_sleeper_wakes_behind_what_was_queued_before_its_timer_fired()
    {
        // t1: await asyncio.sleep(1)          t2: busy for 1 ms, then two sleep(0)
        var program = Spawning(["sleep 1"], ["cpu 1", "yield", "yield"]);

        Check(program,
            asyncio: "1 t2 cpu 1 | 1 t2 yield | 1 t2 yield | 1 t1 slept 1",
            @default: "1 t2 cpu 1 | 1 t2 yield | 1 t1 slept 1 | 1 t2 yield");
    }

    [Test]
    public void Batches_a_timer_that_falls_due_during_a_pass_waits_for_the_next_pass()
    {
        // As above, but t3's second yield is queued by an item of the pass in which the timer fell due.
        var program = Spawning(["sleep 1"], ["cpu 1", "yield"], ["yield", "yield"]);

        Check(program,
            asyncio: "1 t2 cpu 1 | 1 t2 yield | 1 t3 yield | 1 t3 yield | 1 t1 slept 1",
            @default: "1 t2 cpu 1 | 1 t2 yield | 1 t1 slept 1 | 1 t3 yield | 1 t3 yield");
        Assert.That(Lines(ProgramInterpreter.Run(program, LoopModel.Default, SimLoop.Loop.AsyncioTraits.TwoHopWake)),
            Is.EqualTo("1 t2 cpu 1 | 1 t2 yield | 1 t3 yield | 1 t1 slept 1 | 1 t3 yield"),
            "two hops without batches: the timer is moved before t3's first step, so it overtakes t3's second yield");
    }

    [Test]
    public void Ties_timers_due_together_fire_in_creation_order_as_on_a_real_clock()
    {
        // main sleeps 1 ms first, so the heap reorders: on an exact virtual clock heapq pops t2 before t1.
        var program = new AsyncioProgram(0, [["spawn 1", "spawn 2", "yield", "sleep 1", "await 1", "await 2"], ["tsleep 3"], ["tsleep 3"]]);

        Check(program,
            asyncio: "3 t1 slept 3 | 3 t2 slept 3",
            @default: "3 t1 slept 3 | 3 t2 slept 3");
        Assert.That(Lines(CPythonRunner.Run([program], heapTies: true)[0]), Is.EqualTo("3 t2 slept 3 | 3 t1 slept 3"),
            "CPython on an exact clock without the creation-order tie-break");
    }

    [Test]
    public void Run_end_work_queued_when_main_fails_still_runs_for_a_pass()
    {
        var program = new AsyncioProgram(0, [["spawn 1", "throw"], ["yield"]]);

        Check(program, asyncio: "0 t1 start", @default: "", outcome: "exception main");
    }

    // The default pump with one asyncio trait switched on: "TwoHopWake" or "Batches".
    [TestCase(LoopModel.Asyncio, null, "X1 Y1 X2 Y2 T")]
    [TestCase(LoopModel.Default, "TwoHopWake", "X1 Y1 X2 Y2 T")]
    [TestCase(LoopModel.Default, "Batches", "X1 Y1 X2 Y2 T")]
    [TestCase(LoopModel.Default, null, "X1 Y1 X2 T Y2")]
    public void The_workload_of_docs_asyncio_batching_py_needs_either_trait_alone(LoopModel model, string? trait, string expected)
    {
        var traits = trait is null ? (SimLoop.Loop.AsyncioTraits?)null : Enum.Parse<SimLoop.Loop.AsyncioTraits>(trait);

        Assert.That(BatchingPy(new SimOptions { LoopModel = model, AsyncioTraits = traits }), Is.EqualTo(expected));
    }

    /// <summary>docs/asyncio/batching.py's workload: the order its tasks' lines come out in, under <paramref name="options"/>.</summary>
    internal static string BatchingPy(SimOptions options)
    {
        var log = new List<string>();
        Sim.Run(async () =>
        {
            var timer = Sim.Spawn("T", async () => { await Sim.Delay(TimeSpan.FromMilliseconds(10)); log.Add("T"); });
            await Sim.Yield();
            var x = Sim.Spawn("X", async () =>
            {
                log.Add("X1");
                Sim.Block(TimeSpan.FromMilliseconds(50), "time.sleep");
                await Sim.Yield();
                log.Add("X2");
            });
            var y = Sim.Spawn("Y", async () => { log.Add("Y1"); await Sim.Yield(); log.Add("Y2"); });
            await Task.WhenAll(x, y, timer);
        }, options);
        return string.Join(" ", log);
    }

    private static AsyncioProgram Spawning(params IReadOnlyList<string>[] children)
    {
        var main = Enumerable.Range(1, children.Length).Select(i => $"spawn {i}")
            .Concat(Enumerable.Range(1, children.Length).Select(i => $"await {i}")).ToList();
        return new AsyncioProgram(0, [main, .. children]);
    }

    private static void Check(AsyncioProgram program, string asyncio, string @default, string outcome = "ok")
    {
        var cpython = CPythonRunner.Run([program])[0];
        Assert.Multiple(() =>
        {
            Assert.That(Lines(cpython), Is.EqualTo(asyncio), "CPython");
            Assert.That(Lines(ProgramInterpreter.Run(program, LoopModel.Asyncio)), Is.EqualTo(asyncio), "LoopModel.Asyncio");
            Assert.That(Lines(ProgramInterpreter.Run(program, LoopModel.Default)), Is.EqualTo(@default), "LoopModel.Default");
            Assert.That(cpython.Outcome, Is.EqualTo(outcome), "CPython's outcome");
            Assert.That(ProgramInterpreter.Run(program, LoopModel.Asyncio).Outcome, Is.EqualTo(outcome), "LoopModel.Asyncio's outcome");
            Assert.That(ProgramInterpreter.Run(program, LoopModel.Default).Outcome, Is.EqualTo(outcome), "LoopModel.Default's outcome");
        });
    }

    /// <summary>The spawned tasks' lines, without their start and end when they finish normally.</summary>
    private static string Lines(ProgramRun run) => string.Join(" | ", run.Log.Where(line =>
        !line.Contains(" main ", StringComparison.Ordinal) && (run.Outcome != "ok" || !(line.EndsWith(" start", StringComparison.Ordinal) || line.EndsWith(" end", StringComparison.Ordinal)))));
}
