using System.Globalization;

namespace SimLoop.PropertyTests.Workloads;

/// <summary>What one generated operation of a task does.</summary>
public enum OpKind
{
    /// <summary>Sim.Cpu(Ms).</summary>
    Cpu,

    /// <summary>Sim.Block(Ms).</summary>
    Block,

    /// <summary>await Sim.Yield().</summary>
    Yield,

    /// <summary>await Sim.Delay(TimeSpan.Zero): must behave exactly as a yield.</summary>
    SleepZero,

    /// <summary>await Sim.Delay(Ms), Ms &gt;= 1: a timer.</summary>
    Delay,

    /// <summary>await Sim.ToThread(work, Ms): off the loop, on the simulated pool.</summary>
    ToThread,

    /// <summary>Sim.Cpu(Ms) only if Sim.Chance(0.5): makes the run depend on the seed.</summary>
    MaybeCpu,

    /// <summary>Sim.Block(Ms) only if Sim.Chance(0.5).</summary>
    MaybeBlock,
}

/// <summary>One operation of a generated task; printed the way a counterexample should read.</summary>
public sealed record Op(OpKind Kind, int Ms)
{
    public override string ToString() => Kind switch
    {
        OpKind.Yield => "yield",
        OpKind.SleepZero => "delay 0",
        OpKind.Cpu => Text("cpu"),
        OpKind.Block => Text("block"),
        OpKind.Delay => Text("delay"),
        OpKind.ToThread => Text("to_thread"),
        OpKind.MaybeCpu => Text("maybe cpu"),
        OpKind.MaybeBlock => Text("maybe block"),
        _ => Kind.ToString(),
    };

    /// <summary>Ops whose Ms matters (yields ignore it).</summary>
    public bool HasDuration => Kind is not (OpKind.Yield or OpKind.SleepZero);

    /// <summary>The smallest Ms the op accepts: a Delay of 0 would be a yield, not a timer.</summary>
    public int MinMs => Kind == OpKind.Delay ? 1 : 0;

    private string Text(string name) => name + " " + Ms.ToString(CultureInfo.InvariantCulture);
}
