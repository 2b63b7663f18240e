namespace SimLoop.Integration.Tests.Resilience;

/// <summary>What the simulated flaky service throws; the pipelines under test retry exactly this type.</summary>
public sealed class TransientFailureException : Exception
{
    public TransientFailureException()
        : base("the service is unavailable")
    {
    }

    public TransientFailureException(string message)
        : base(message)
    {
    }

    public TransientFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
