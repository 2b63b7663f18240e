namespace SimLoop.Diagnostics;

/// <summary>
/// Why an escape breaks the run and how to fix it: one text for both ways an escape is found (reported by the
/// real thread, or recognised by the loop when it runs out of work), so the report reads the same whichever wins.
/// </summary>
internal static class EscapeText
{
    public const string Why =
        "Work on a real thread runs when the operating system schedules it, not when the simulation decides: the strategy cannot control " +
        "or explore it, virtual time does not apply to it, and a seed no longer reproduces the run.";

    public const string Fix =
        "Keep the work on the loop: await without ConfigureAwait(false) (for libraries, turn on their 'continue on captured context' option), " +
        "replace Task.Run with Sim.ToThread, and pass Sim.Time to every API that takes a TimeProvider.";
}
