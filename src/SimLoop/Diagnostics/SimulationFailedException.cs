using System.Diagnostics.CodeAnalysis;

namespace SimLoop;

/// <summary>
/// How every failed run surfaces: the message says what happened and how to reproduce it; the user's exception,
/// if any, is the <see cref="Exception.InnerException"/>.
/// </summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "A failure without its SimFailure (seed, token, trace) would be a report nobody can reproduce.")]
public class SimulationFailedException : Exception
{
    /// <summary>Creates the exception for a failure.</summary>
    public SimulationFailedException(SimFailure failure)
        : base((failure ?? throw new ArgumentNullException(nameof(failure))).Message, failure.Exception)
    {
        Failure = failure;
    }

    /// <summary>Everything known about the failure.</summary>
    public SimFailure Failure { get; }

    /// <summary>What failed.</summary>
    public FailureKind Kind => Failure.Kind;

    /// <summary>The seed of the failing run.</summary>
    public ulong Seed => Failure.Seed;

    /// <summary>Set <see cref="SimOptions.Replay"/> to this to reproduce the run.</summary>
    public string ReplayToken => Failure.ReplayToken;

    /// <summary>The exploration iteration that failed.</summary>
    public int Iteration => Failure.Iteration;
}
