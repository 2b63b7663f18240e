using Snapshooter.NUnit;

namespace SimLoop.Tests.Diagnostics;

// Every failure a user can hit says what happened, why, how to fix it and how to reproduce it. The snapshots
// pin the whole text; a change to a message is a deliberate change to its snapshot.
public class FailureMessageTests
{
    [Test]
    public void Deadlock_report_names_every_stuck_task_and_what_it_awaits()
    {
        var failure = Assert.Throws<SimulationFailedException>(() => Sim.Run(async () =>
        {
            var first = new SemaphoreSlim(1);
            var second = new SemaphoreSlim(1);
            var left = Sim.Spawn("left", () => TakeBoth(first, second));
            var right = Sim.Spawn("right", () => TakeBoth(second, first));
            await Task.WhenAll(left, right);
        }))!;

        Assert.That(failure.Kind, Is.EqualTo(FailureKind.Deadlock));
        Snapshot.Match(failure.Message);
    }

    [Test]
    public void Step_limit_report_names_the_task_that_keeps_the_loop_busy()
    {
        var failure = Assert.Throws<SimulationFailedException>(() => Sim.Run(async () =>
        {
            var spinner = Sim.Spawn("spinner", async () =>
            {
                while (true)
                {
                    await Sim.Yield();
                }
            });
            await spinner;
        }, new SimOptions { MaxSteps = 200 }))!;

        Assert.That(failure.Kind, Is.EqualTo(FailureKind.StepLimit));
        Assert.That(failure.Failure.TaskName, Is.EqualTo("spinner"));
        Snapshot.Match(failure.Message);
    }

    [Test]
    public void Time_limit_report_gives_the_instant_the_clock_would_reach()
    {
        var failure = Assert.Throws<SimulationFailedException>(() => Sim.Run(async () =>
        {
            while (true)
            {
                await Sim.Delay(TimeSpan.FromMinutes(25));
            }
        }, new SimOptions { MaxVirtualTime = TimeSpan.FromHours(1) }))!;

        Assert.That(failure.Kind, Is.EqualTo(FailureKind.TimeLimit));
        Snapshot.Match(failure.Message);
    }

    [Test]
    public void An_exception_in_main_surfaces_with_the_users_exception_inside()
    {
        var failure = Assert.Throws<SimulationFailedException>(() => Sim.Run(async () =>
        {
            await Sim.Delay(TimeSpan.FromMilliseconds(1500));
            throw new InvalidOperationException("the balance went negative");
        }, new SimOptions { Seed = 0x2A }))!;

        Assert.That(failure.Kind, Is.EqualTo(FailureKind.Exception));
        Assert.That(failure.InnerException, Is.TypeOf<InvalidOperationException>());
        Assert.That(failure.Seed, Is.EqualTo(0x2AUL));
        Assert.That(failure.Message, Does.StartWith(
            "SimLoop: main failed at virtual time 00:00:01.500 (after step 1) with InvalidOperationException: the balance went negative"));
        Assert.That(failure.Message, Does.Contain("replay with: new SimOptions { Replay = \"" + failure.ReplayToken + "\" }"));
        // A single Sim.Run is reproduced by its options; the environment form is printed for explorations and [SimTest].
        Assert.That(failure.Message, Does.Not.Contain("SIMLOOP_REPLAY"));
    }

    [Test]
    public void An_exception_thrown_by_an_awaited_child_reaches_main()
    {
        var failure = Assert.Throws<SimulationFailedException>(() => Sim.Run(async () =>
        {
            await Sim.Spawn("child", async () =>
            {
                await Sim.Yield();
                throw new TimeoutException("no answer");
            });
        }))!;

        Assert.That(failure.Kind, Is.EqualTo(FailureKind.Exception));
        Assert.That(failure.InnerException, Is.TypeOf<TimeoutException>());
    }

    [Test]
    public void An_async_void_exception_fails_the_run_and_says_why()
    {
        var failure = Assert.Throws<SimulationFailedException>(() => Sim.Run(async () =>
        {
            FireAndForget();
            await Sim.Delay(TimeSpan.FromSeconds(1));
        }))!;

        Assert.That(failure.Kind, Is.EqualTo(FailureKind.Exception));
        Assert.That(failure.InnerException!.Message, Is.EqualTo("from async void"));
        Assert.That(failure.Message, Does.StartWith("SimLoop: an exception escaped in a step of task 'main' at virtual time 00:00:00.000 (step 2): InvalidOperationException: from async void"));
        Assert.That(failure.Message, Does.Contain("Fix: Return Task instead of async void and await it, or catch the exception inside the callback."));
    }

    [Test]
    public void Invalid_options_are_reported_together_in_one_exception()
    {
        var options = new SimOptions
        {
            MaxSteps = -1,
            MaxVirtualTime = TimeSpan.Zero,
            WorkerThreads = 0,
            SlowStepThreshold = TimeSpan.FromMilliseconds(-5),
            StartTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.FromHours(2)),
        };

        var error = Assert.Throws<ArgumentException>(() => Sim.Run(() => Task.CompletedTask, options))!;

        Assert.That(error.Message, Is.EqualTo(
            "SimOptions is invalid (5 problems):\n" +
            "  - MaxSteps must be positive, but was -1.\n" +
            "  - MaxVirtualTime must be positive, but was 00:00:00.\n" +
            "  - WorkerThreads must be at least 1, but was 0.\n" +
            "  - SlowStepThreshold must be positive, but was -00:00:00.0050000.\n" +
            "  - StartTime must be UTC (offset 00:00), but was 2000-01-01T00:00:00.0000000+02:00."));
    }

    private static async Task TakeBoth(SemaphoreSlim first, SemaphoreSlim second)
    {
        await first.WaitAsync();
        await Sim.Yield();
        await second.WaitAsync();
    }

#pragma warning disable VSTHRD100 // async void on purpose: the test is about what the loop does with its exception.
    private static async void FireAndForget()
    {
        await Sim.Yield();
        throw new InvalidOperationException("from async void");
    }
#pragma warning restore VSTHRD100
}
