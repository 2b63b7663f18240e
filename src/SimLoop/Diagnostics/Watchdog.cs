namespace SimLoop.Diagnostics;

/// <summary>
/// One background thread for the whole process that watches every running loop on real time. A loop only
/// bumps a step counter (no clock read per step); the watchdog notices a counter that has not moved while a
/// step runs for longer than <see cref="SimOptions.WatchdogTimeout"/> and tells the loop. The list of loops is
/// process infrastructure like the runtime's timer queue: it holds no simulation state and feeds no decision.
/// </summary>
internal static class Watchdog
{
    private static readonly Lock s_lock = new();
    private static readonly List<EventLoop> s_loops = [];
    private static Thread? s_thread;

    public static void Register(EventLoop loop)
    {
        lock (s_lock)
        {
            s_loops.Add(loop);
            if (s_thread is null)
            {
                // No ExecutionContext flows into the watchdog: it must never look like escaped simulation code.
                using (ExecutionContext.SuppressFlow())
                {
                    s_thread = new Thread(Watch) { IsBackground = true, Name = "SimLoop watchdog" };
                    s_thread.Start();
                }
            }
        }
    }

    public static void Unregister(EventLoop loop)
    {
        lock (s_lock)
        {
            s_loops.Remove(loop);
        }
    }

    private static void Watch()
    {
        var snapshot = new List<EventLoop>();
        while (true)
        {
            Thread.Sleep(50);
            lock (s_lock)
            {
                snapshot.Clear();
                snapshot.AddRange(s_loops);
            }

            foreach (var loop in snapshot)
            {
                loop.WatchdogTick(50);
            }
        }
    }
}
