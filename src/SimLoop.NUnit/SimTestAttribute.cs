using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;
using NUnit.Framework.Internal.Commands;

namespace SimLoop.NUnit;

/// <summary>
/// Marks a test (an <c>async Task</c> or plain <c>void</c> method) that runs on SimLoop's simulated event loop,
/// explored over many schedules. The attribute only carries settings; <see cref="SimTestCommand"/> does the work.
/// SetUp and TearDown run once per iteration, inside the simulation; OneTimeSetUp once, as usual. Every setting
/// can be overridden without recompiling: NUnit TestRunParameters (SimLoop.Seed, ...), then environment variables
/// (SIMLOOP_SEED, ...), then these properties.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SimTestAttribute : NUnitAttribute, ISimpleTestBuilder, IApplyToTest, IImplyFixture, IWrapSetUpTearDown
{
    private readonly NUnitTestCaseBuilder _builder = new();

    /// <summary>Iterations to explore (SIMLOOP_ITERATIONS, SimLoop.Iterations).</summary>
    public int Iterations { get; set; } = 100;

    /// <summary>Base seed in hex ("0x2A") or decimal ("42"); unset draws a fresh one, always printed (SIMLOOP_SEED, SimLoop.Seed).</summary>
    public string? Seed { get; set; }

    /// <summary>The exploration strategy (SIMLOOP_STRATEGY, SimLoop.Strategy).</summary>
    public SimStrategy Strategy { get; set; } = SimStrategy.Portfolio;

    /// <summary>Depth of <see cref="SimStrategy.Pct"/>.</summary>
    public int PctDepth { get; set; } = 3;

    /// <summary>Steps one iteration may take before it fails with StepLimit.</summary>
    public long MaxSteps { get; set; } = 1_000_000;

    /// <summary>Virtual time one iteration may cover, as a TimeSpan ("00:10:00" or "1.00:00:00"); unset is one day.</summary>
    public string? MaxVirtualTime { get; set; }

    /// <summary>
    /// Real time one step may run before the iteration fails with Hang, as a TimeSpan ("00:00:05"); unset is five
    /// seconds, "infinite" turns the watchdog off.
    /// </summary>
    public string? WatchdogTimeout { get; set; }

    /// <summary>
    /// Whose schedule the loop reproduces: <see cref="SimLoop.LoopModel.Default"/> or <see cref="SimLoop.LoopModel.Asyncio"/>
    /// (CPython's asyncio exactly) (SIMLOOP_LOOPMODEL, SimLoop.LoopModel: "default" or "asyncio").
    /// </summary>
    public LoopModel LoopModel { get; set; } = LoopModel.Default;

    /// <summary>Workers of the simulated pool behind Sim.ToThread.</summary>
    public int WorkerThreads { get; set; } = 4;

    /// <summary>
    /// Strict mode: fail an iteration at the step that queues work to the real thread pool (Task.Run,
    /// ConfigureAwait(false), ...) instead of running that work as a step of the loop (SimOptions.RejectThreadPoolWork).
    /// </summary>
    public bool RejectThreadPoolWork { get; set; }

    /// <summary>
    /// A bound on the loop lag (the latest any timer fired after its due time) as a TimeSpan ("00:00:00.100"),
    /// checked on the final fairness report of every iteration, TearDown included: an iteration that breaks it fails
    /// with FairnessViolation, is shrunk and replayable (SimOptions.MaxLoopLag). Unset: no bound.
    /// </summary>
    public string? MaxLoopLag { get; set; }

    /// <summary>A bound on every task's longest wait for the loop once ready, as a TimeSpan, checked like <see cref="MaxLoopLag"/> (SimOptions.MaxSchedulingDelay).</summary>
    public string? MaxSchedulingDelay { get; set; }

    /// <summary>Fail an iteration in which a step held the loop for <see cref="SlowStepThreshold"/> or longer (SimOptions.FailOnSlowSteps).</summary>
    public bool FailOnSlowSteps { get; set; }

    /// <summary>The cost from which a step counts as slow, as a TimeSpan; unset is 100 ms, asyncio's slow-callback default (SimOptions.SlowStepThreshold).</summary>
    public string? SlowStepThreshold { get; set; }

    /// <summary>A replay token from a failure message: runs exactly that schedule (SIMLOOP_REPLAY, SimLoop.Replay).</summary>
    public string? Replay { get; set; }

    /// <summary>Rerun the failure (and some passing iterations) to check the test is deterministic.</summary>
    public bool CheckDeterminism { get; set; } = true;

    /// <summary>
    /// Iterations run at once. Default 1: iterations share the fixture instance, as NUnit's tests of one fixture do,
    /// so they must not run concurrently unless the test keeps no state in the fixture.
    /// </summary>
    public int Parallelism { get; set; } = 1;

    /// <summary>Builds the test like [Test] does (parameters come from [TestCase]/[Values] as usual).</summary>
    public TestMethod BuildFrom(IMethodInfo method, Test? suite) => _builder.BuildTestMethod(method, suite, null);

    /// <summary>Marks the test so reports can tell it is a simulation test.</summary>
    public void ApplyToTest(Test test)
    {
        ArgumentNullException.ThrowIfNull(test);
        test.Properties.Set("SimLoop", "SimTest");
    }

    /// <summary>Wraps the test, outside SetUp/TearDown, with the command that explores it.</summary>
    public TestCommand Wrap(TestCommand command) => new SimTestCommand(command, this);
}
