namespace SimLoop.Diagnostics;

/// <summary>
/// Why an escape to a thread SimLoop does not control breaks the run and how to fix it: one text for every way such
/// an escape is found (reported by the real thread, or recognised by the loop when it runs out of work).
/// </summary>
internal static class EscapeText
{
    public const string Why =
        "Work on a real thread runs when the operating system schedules it, not when the simulation decides: the strategy cannot control " +
        "or explore it, virtual time does not apply to it, and a seed no longer reproduces the run.";

    public const string Fix =
        "Keep the work where SimLoop controls it: on the loop or on the thread pool (Task.Run, ThreadPool and ConfigureAwait(false) continuations run " +
        "as steps of the loop), not on a Thread you start (use Task.Run, or Sim.ToThread for work with a declared cost); put timers on Sim.Time " +
        "(SimLoop's build-time rewriting does it for your code and its packages); start the work inside the simulation, not before Sim.Run.";
}
