namespace SimLoop;

/// <summary>A fairness bound did not hold; the message names the bound, what was measured, and the whole report.</summary>
public sealed class FairnessAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FairnessAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public FairnessAssertionException()
        : base("A fairness bound did not hold.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public FairnessAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
