using SimLoop.PropertyTests.Support;

namespace SimLoop.PropertyTests.Workloads;

/// <summary>
/// Runs a <see cref="Workload"/> with a full trace. Around every Cpu/Block section it also records Sim.Now
/// before and after, from inside the step: the trace alone cannot show that time moved by exactly the cost.
/// </summary>
public sealed class WorkloadRun
{
    private readonly List<SectionObservation> _sections = [];

    private readonly DelayApi _delays;

    private WorkloadRun(Workload workload, DelayApi delays, Strategy? strategy)
    {
        _delays = delays;
        var options = Options(workload);
        Result = Sim.Run(() => Main(workload), strategy is null ? options : options with { Strategy = strategy });
    }

    private WorkloadRun(DelayApi delays)
    {
        _delays = delays;
        Result = null!;
    }

    public SimResult Result { get; }

    /// <summary>The workload as a test body, for Sim.Explore: each call runs it afresh (run it under <see cref="Options"/>).</summary>
    public static Func<Task> Program(Workload workload) => () => new WorkloadRun(DelayApi.SimDelay).Main(workload);

    /// <summary>Every Cpu/Block section as seen by the code that declared it, in execution order.</summary>
    public IReadOnlyList<SectionObservation> Sections => _sections;

    public static WorkloadRun Of(Workload workload) => new(workload, DelayApi.SimDelay, strategy: null);

    /// <summary>The same workload with its Delay ops written another way, and optionally another strategy.</summary>
    public static WorkloadRun Of(Workload workload, DelayApi delays, Strategy? strategy = null) => new(workload, delays, strategy);

    // A low slow-step threshold so generated steps (costs up to 60 ms, several per step) are sometimes slow.
    public static SimOptions Options(Workload workload) => new()
    {
        Seed = (ulong)workload.Seed,
        WorkerThreads = workload.Workers,
        RecordTrace = true,
        SlowStepThreshold = Ms.Of(30),
    };

    private async Task Main(Workload workload)
    {
        var tasks = workload.Tasks.Select((ops, i) => Sim.Spawn(Workload.TaskName(i), () => RunOps(ops))).ToList();
        await Task.WhenAll(tasks);
    }

    private async Task RunOps(IReadOnlyList<Op> ops)
    {
        foreach (var op in ops)
        {
            switch (op.Kind)
            {
                case OpKind.Cpu:
                    Hold(op, SectionKind.Cpu);
                    break;
                case OpKind.Block:
                    Hold(op, SectionKind.Block);
                    break;
                case OpKind.MaybeCpu:
                    if (Sim.Chance(0.5))
                    {
                        Hold(op, SectionKind.Cpu);
                    }

                    break;
                case OpKind.MaybeBlock:
                    if (Sim.Chance(0.5))
                    {
                        Hold(op, SectionKind.Block);
                    }

                    break;
                case OpKind.Yield:
                    await Sim.Yield();
                    break;
                case OpKind.SleepZero:
                    await Sim.Delay(TimeSpan.Zero);
                    break;
                case OpKind.Delay when _delays == DelayApi.TaskDelayOnSimTime:
                    await Task.Delay(Ms.Of(op.Ms), Sim.Time);
                    break;
                case OpKind.Delay:
                    await Sim.Delay(Ms.Of(op.Ms));
                    break;
                case OpKind.ToThread:
                    await Sim.ToThread(static () => { }, Ms.Of(op.Ms));
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(ops), op.Kind, "Unknown op kind.");
            }
        }
    }

    private void Hold(Op op, SectionKind kind)
    {
        var before = Sim.Now;
        if (kind == SectionKind.Cpu)
        {
            Sim.Cpu(Ms.Of(op.Ms));
        }
        else
        {
            Sim.Block(Ms.Of(op.Ms));
        }

        _sections.Add(new SectionObservation(Sim.Current.CurrentTaskName ?? "?", kind, Ms.Of(op.Ms), before, Sim.Now));
    }
}

/// <summary>One section as its own code saw it: Sim.Now just before and just after.</summary>
public sealed record SectionObservation(string Task, SectionKind Kind, TimeSpan Cost, DateTimeOffset Before, DateTimeOffset After);

/// <summary>How a workload's Delay ops wait: SimLoop's own delay, or the BCL's Task.Delay on Sim.Time (what libraries use).</summary>
public enum DelayApi
{
    SimDelay,
    TaskDelayOnSimTime,
}
