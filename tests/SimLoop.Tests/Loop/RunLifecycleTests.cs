namespace SimLoop.Tests.Loop;

public class RunLifecycleTests
{
    [Test]
    public void Current_outside_a_simulation_throws_and_says_how_to_start_one()
    {
        var error = Assert.Throws<InvalidOperationException>(() => _ = Sim.Current);
        Assert.That(error!.Message, Is.EqualTo(Sim.NotRunningMessage));
        Assert.That(error.Message, Does.StartWith("There is no SimLoop simulation running on this thread. Start one with Sim.Run(async () => { ... })"));
    }

    [Test]
    public void Every_operation_outside_a_simulation_throws_the_same_explanation()
    {
        var calls = new Action[]
        {
            () => _ = Sim.Time, () => _ = Sim.Now, () => _ = Sim.Elapsed, () => Sim.Yield(),
            () => Sim.Delay(TimeSpan.FromSeconds(1)), () => Sim.Cpu(TimeSpan.FromSeconds(1)),
            () => Sim.Spawn("x", () => Task.CompletedTask), () => Sim.Chance(0.5), () => Sim.Choose(3),
        };
        foreach (var call in calls)
        {
            Assert.That(Assert.Throws<InvalidOperationException>(() => call())!.Message, Is.EqualTo(Sim.NotRunningMessage));
        }
    }

    [Test]
    public void IsRunning_is_true_only_inside_a_run()
    {
        var inside = false;
        Sim.Run(() => { inside = Sim.IsRunning; return Task.CompletedTask; });
        Assert.That(inside, Is.True);
        Assert.That(Sim.IsRunning, Is.False);
    }

    [Test]
    public void A_nested_run_is_refused_with_an_explanation()
    {
        var failure = Assert.Throws<SimulationFailedException>(() => Sim.Run(async () =>
        {
            await Sim.Delay(TimeSpan.FromSeconds(2));
            Sim.Run(() => Task.CompletedTask);
        }));

        Assert.That(failure!.InnerException, Is.TypeOf<InvalidOperationException>());
        Assert.That(failure.InnerException!.Message, Is.EqualTo(
            "Sim.Run was called inside a running simulation (task 'main', at virtual time 00:00:02.000). " +
            "A thread runs one event loop at a time, as asyncio allows one running loop: await the code directly, " +
            "or start it with Sim.Spawn to run it concurrently."));
    }

    [Test]
    public void The_callers_synchronization_context_is_restored_after_a_successful_run()
    {
        var callers = new SynchronizationContext();
        SynchronizationContext? duringRun = null;
        var before = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(callers);
        try
        {
            Sim.Run(() => { duringRun = SynchronizationContext.Current; return Task.CompletedTask; });
            Assert.That(SynchronizationContext.Current, Is.SameAs(callers));
            Assert.That(duringRun, Is.Not.SameAs(callers));
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(before);
        }
    }

    [Test]
    public void The_callers_synchronization_context_is_restored_after_a_failed_run()
    {
        var callers = new SynchronizationContext();
        var before = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(callers);
        try
        {
            Assert.Throws<SimulationFailedException>(() => Sim.Run(() => throw new InvalidOperationException("boom")));
            Assert.That(SynchronizationContext.Current, Is.SameAs(callers));
            Assert.That(Sim.IsRunning, Is.False);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(before);
        }
    }

    [Test]
    public void Run_of_T_returns_mains_value()
    {
        var result = Sim.Run(async () =>
        {
            await Sim.Delay(TimeSpan.FromSeconds(1));
            return 42;
        });

        Assert.That(result.Value, Is.EqualTo(42));
        Assert.That(result.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void Two_simulations_on_two_threads_at_once_do_not_interfere()
    {
        // Each thread runs its own loop; both interleave their steps in real time through a barrier.
        using var barrier = new Barrier(2);
        SimResult? first = null, second = null;

        SimResult RunOn(TimeSpan step, int rounds) => Sim.Run(async () =>
        {
            for (var i = 0; i < rounds; i++)
            {
                barrier.SignalAndWait(TimeSpan.FromSeconds(10));
                await Sim.Delay(step);
            }
        });

        var a = new Thread(() => first = RunOn(TimeSpan.FromSeconds(1), 5));
        var b = new Thread(() => second = RunOn(TimeSpan.FromMinutes(1), 5));
        a.Start();
        b.Start();
        a.Join();
        b.Join();

        Assert.That(first!.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(second!.Elapsed, Is.EqualTo(TimeSpan.FromMinutes(5)));
        Assert.That(first.Steps, Is.EqualTo(6));
        Assert.That(second.Steps, Is.EqualTo(6));
    }
}
